import { z } from "zod";
import { apiSchemas } from "./schemas";

// The OpenAPI 3.1 document, generated from the zod schemas of the route table (lib/api/routes.ts) with zod's own
// JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1): answers as the handlers send them (io "output"),
// parameters and bodies as clients send them (io "input"). Named schemas become components.

export interface ApiOperation {
  method: "get" | "post";
  /** OpenAPI's path template: /api/v1/campaigns/{campaign} */
  path: string;
  summary: string;
  description?: string;
  params: ApiFields;
  query: ApiFields;
  response: z.ZodType;
  requestBody?: z.ZodType;
  /** The status of a success; 200 unless given. */
  status?: number;
  /** Refusals with their own schema; a GET route's 400 and 404 are the Error component. */
  errors?: Record<number, { description: string; schema: z.ZodType }>;
}

/** Path parameters and query parameters: an object of named fields. */
export type ApiFields = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

type JsonSchema = Record<string, unknown>;

const REF = "#/components/schemas/";

// The long pattern zod writes beside format "date-time" says nothing the format does not; a query parameter read
// as a number is documented as one, without the pattern of its text.
const override = (ctx: { jsonSchema: JsonSchema }) => {
  const { format, type } = ctx.jsonSchema;
  if (format === "date-time" || format === "date" || type === "integer") delete ctx.jsonSchema.pattern;
};

function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** A schema of the document: a reference to its component when it has a name. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const named = io === "output" ? apiSchemas.get(schema) : undefined;
  if (named) return { $ref: REF + named.id };
  return bare(z.toJSONSchema(schema, { io, override, unrepresentable: "any" }) as JsonSchema);
}

function parameters(op: ApiOperation): JsonSchema[] {
  const path = Object.entries(op.params.shape).map(([name, schema]) => {
    const { description, ...rest } = schemaOf(schema as z.ZodType, "input");
    return { name, in: "path", required: true, ...(description ? { description } : {}), schema: rest };
  });
  const query = schemaOf(op.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, { description, ...rest }]) => ({
    name,
    in: "query",
    required: query.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: rest,
  }));
  return [...path, ...inQuery];
}

const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const ERROR = json({ $ref: `${REF}Error` });

function responses(op: ApiOperation): JsonSchema {
  const out: JsonSchema = { [String(op.status ?? 200)]: { description: op.summary, content: json(schemaOf(op.response, "output")) } };
  if (op.errors) {
    for (const [status, { description, schema }] of Object.entries(op.errors)) out[status] = { description, content: json(schemaOf(schema, "output")) };
    return out;
  }
  // Every GET refuses a query parameter it does not know.
  out["400"] = { description: "A query parameter is unknown or wrong (a bad cursor, a limit out of range)", content: ERROR };
  if (Object.keys(op.params.shape).length) out["404"] = { description: "Nothing public at this address", content: ERROR };
  return out;
}

/** "get /api/v1/campaigns/{campaign}/events" → "getApiV1CampaignsByCampaignEvents". */
const operationId = (op: ApiOperation) =>
  op.method + op.path.replace(/\{(\w+)\}/g, "by-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase());

export function openApiDocument(operations: ApiOperation[], origin: string) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: operationId(op),
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      parameters: parameters(op),
      ...(op.requestBody ? { requestBody: { required: true, content: json(schemaOf(op.requestBody, "input")) } } : {}),
      responses: responses(op),
    };
  }
  const { schemas } = z.toJSONSchema(apiSchemas, { io: "output", override, uri: (id) => REF + id }) as { schemas: Record<string, JsonSchema> };
  return {
    openapi: "3.1.0",
    info: {
      title: "Picket open API",
      version: "1",
      description:
        "Public data of published campaigns: campaigns, events, articles and trial-watch timelines. Read-only, no credentials, " +
        "readable from any site. Lists come a page at a time: pass a page's `next` as `cursor` for the one after.",
    },
    servers: [{ url: origin }],
    paths,
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, bare(schema)])) },
  };
}
