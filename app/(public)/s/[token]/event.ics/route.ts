import { getTranslations } from "next-intl/server";
import { localeFromHeaders } from "@/lib/i18n/config";
import { eventToIcs } from "@/lib/events/ics";
import { siteOrigin } from "@/lib/mail/origin";
import { loadOwnCalendar } from "@/lib/public/pages";

export const dynamic = "force-dynamic";

/**
 * The event as a calendar file from a supporter's private link: what the public file says, and the exact place
 * once a hidden one has been sent to them. Made for this link alone, never kept.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const found = await loadOwnCalendar((await params).token);
  const headers = { "cache-control": "private, no-store", "x-robots-tag": "noindex, nofollow" };
  if (!found)
    return new Response((await getTranslations("errors"))("notFound"), { status: 404, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  return new Response(eventToIcs(found.campaign, found.event, siteOrigin(), localeFromHeaders(request.headers), found.shifts), {
    headers: { ...headers, "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="${found.event.slug}.ics"` },
  });
}
