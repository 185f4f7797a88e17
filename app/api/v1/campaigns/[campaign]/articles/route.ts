import { apiGet, apiOptions } from "@/lib/api/http";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

/** A campaign's linked articles. */
export const GET = apiGet(apiRoutes.articles);
export const OPTIONS = apiOptions;
