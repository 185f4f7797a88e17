import { apiGet, apiOptions } from "@/lib/api/http";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

/** Published campaigns, a page at a time (lib/api/routes.ts). */
export const GET = apiGet(apiRoutes.campaigns);
export const OPTIONS = apiOptions;
