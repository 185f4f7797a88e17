import "server-only";
import { logFailure } from "@/lib/log";
import type { ApiErrorCode } from "./schemas";
import type { ApiFields } from "./openapi";
import type { ApiRoute } from "./routes";
import type { z } from "zod";

// The open API's one way of answering: JSON, readable from any site (public data, no credentials), kept a minute
// by browsers and shared caches; a refusal is `{ error: { code, message } }`, never a page.

const HEADERS = {
  "access-control-allow-origin": "*",
  "cache-control": "public, max-age=60",
  "content-type": "application/json",
};

const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: HEADERS });

export const apiError = (status: number, code: ApiErrorCode, message: string) => json({ error: { code, message } }, status);

/** A browser's question before a cross-site request: GET from anywhere. */
export function apiOptions(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, OPTIONS",
      "access-control-max-age": "86400",
      "cache-control": "public, max-age=86400",
    },
  });
}

const CODE_FOR: Record<string, ApiErrorCode> = { cursor: "invalid_cursor", limit: "invalid_limit" };

/** What is wrong with a query, for the 400. */
function queryProblem(issues: z.core.$ZodIssue[]): { code: ApiErrorCode; message: string } {
  const issue = issues[0]!;
  if (issue.code === "unrecognized_keys") return { code: "bad_request", message: `Unknown query parameter: ${issue.keys.join(", ")}` };
  const field = String(issue.path[0] ?? "query");
  return { code: CODE_FOR[field] ?? "bad_request", message: `${field}: ${issue.message}` };
}

type Context = { params: Promise<Record<string, string | string[] | undefined>> };

/** The GET handler of a route of the table (lib/api/routes.ts): its params, its query, its answer, each by its schema. */
export function apiGet<P extends ApiFields, Q extends ApiFields, R extends z.ZodType>(route: ApiRoute<P, Q, R>) {
  return async function GET(request: Request, context: Context): Promise<Response> {
    try {
      // Next gives no params at all to a route without dynamic segments, whatever its types say. An address that
      // cannot name a campaign or an event names none.
      const given: Record<string, unknown> | undefined = await context.params;
      const params = route.params.safeParse(given ?? {});
      if (!params.success) return apiError(404, "not_found", route.notFound);
      const raw = new Map<string, string>();
      for (const [key, value] of new URL(request.url).searchParams) {
        if (raw.has(key)) return apiError(400, "bad_request", `${key}: given more than once`);
        raw.set(key, value);
      }
      const query = route.query.safeParse(Object.fromEntries(raw));
      if (!query.success) {
        const { code, message } = queryProblem(query.error.issues);
        return apiError(400, code, message);
      }
      const data = await route.load(params.data, query.data);
      if (data === null) return apiError(404, "not_found", route.notFound);
      // Parsed on the way out: a field the schema does not name never leaves.
      return json(route.response.parse(data), 200);
    } catch (e) {
      logFailure(`open API ${route.path} failed`, e);
      return apiError(500, "internal", "Something went wrong on our side.");
    }
  };
}

/** An address under the API that names nothing: JSON like the rest, never a page. */
export function apiNotFound(): Response {
  return apiError(404, "not_found", "No such address in this API: see /api/v1/openapi.json.");
}
