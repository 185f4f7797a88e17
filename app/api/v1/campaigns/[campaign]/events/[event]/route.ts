import { apiGet, apiOptions } from "@/lib/api/http";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

/** One public event. */
export const GET = apiGet(apiRoutes.event);
export const OPTIONS = apiOptions;
