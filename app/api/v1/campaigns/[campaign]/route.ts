import { apiGet, apiOptions } from "@/lib/api/http";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

/** One published or archived campaign. */
export const GET = apiGet(apiRoutes.campaign);
export const OPTIONS = apiOptions;
