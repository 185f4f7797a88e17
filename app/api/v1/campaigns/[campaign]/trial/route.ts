import { apiGet, apiOptions } from "@/lib/api/http";
import { apiRoutes } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

/** A trial watch's public cases and timeline. */
export const GET = apiGet(apiRoutes.trial);
export const OPTIONS = apiOptions;
