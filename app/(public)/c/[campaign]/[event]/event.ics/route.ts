import { siteOrigin } from "@/lib/mail/origin";
import { getTranslations } from "next-intl/server";
import { localeFromHeaders } from "@/lib/i18n/config";
import { getPublicEvent } from "@/lib/events/public";
import { eventToIcs } from "@/lib/events/ics";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ campaign: string; event: string }> }) {
  const { campaign, event } = await params;
  const found = await getPublicEvent(campaign, event);
  if (!found) return new Response((await getTranslations("errors"))("notFound"), { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const origin = siteOrigin();
  return new Response(eventToIcs(found.campaign, found.event, origin, localeFromHeaders(request.headers)), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${found.event.slug}.ics"`,
      "cache-control": "public, max-age=60",
    },
  });
}
