import { apiGet, apiOptions } from "@/lib/api/http";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of this API, generated from its schemas. */
export const GET = apiGet(apiRoutes.openapi);
export const OPTIONS = apiOptions;
