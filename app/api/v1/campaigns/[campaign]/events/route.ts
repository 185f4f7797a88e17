import { apiGet, apiOptions } from "@/lib/api/http";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

/** A campaign's public events, a page at a time. */
export const GET = apiGet(apiRoutes.events);
export const OPTIONS = apiOptions;
