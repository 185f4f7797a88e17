import { apiNotFound, apiOptions } from "@/lib/api/http";

export const dynamic = "force-dynamic";

/** Any other address under the API: a JSON 404, never a page. */
export const GET = apiNotFound;
export const OPTIONS = apiOptions;
