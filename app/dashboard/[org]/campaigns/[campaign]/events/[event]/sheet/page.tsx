import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SignInSheet } from "@/components/exports/sign-in-sheet";
import { loadEventPage } from "@/lib/orgs/page-guard";
import { formatRange, zoneCity } from "@/lib/time/format";

type Props = { params: Promise<{ org: string; campaign: string; event: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exports.dashboard.sheet");
  return { title: t("metaTitle"), robots: { index: false } };
}

// On paper only the sheet: the dashboard's header, tabs and buttons stay on screen.
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  [data-sheet], [data-sheet] * { visibility: visible; }
  [data-sheet] { position: absolute; inset: 0 auto auto 0; width: 100%; }
  [data-sheet] [data-screen-only] { display: none; }
  [data-sheet] tr { break-inside: avoid; }
  @page { margin: 15mm; }
}`;

export default async function SignInSheetPage({ params }: Props) {
  const { org: o, campaign: c, event: e } = await params;
  const eventPath = `/dashboard/${o}/campaigns/${c}/events/${e}`;
  // Who may see this event's list is checked here; the names themselves come only with the sheet's POST.
  const { campaign, event } = await loadEventPage(o, c, e, "coordinator", `${eventPath}/sheet`, { attendees: true });
  const t = await getTranslations("exports.dashboard.sheet");
  const locale = await getLocale();
  const place = [event.venue, event.address, event.city].filter(Boolean).join(", ");
  return (
    <article data-sheet className="mx-auto max-w-4xl bg-white p-3 text-stone-900 break-words sm:p-6 print:p-0">
      <style>{PRINT_CSS}</style>
      <div data-screen-only className="mb-4">
        <Link href={eventPath} className="text-sm text-brand-700 underline underline-offset-2">
          {t("back")}
        </Link>
      </div>
      <header className="mb-4 border-b-2 border-stone-900 pb-3">
        <p className="text-sm">{campaign.title}</p>
        <h1 className="text-2xl font-bold">
          {t("title")}: {event.title}
        </h1>
        <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("when")}</dt>
          <dd data-testid="sheet-when">
            {formatRange(locale, event.startsAt, event.endsAt, event.timeZone)} ({zoneCity(event.timeZone)})
          </dd>
          {place ? (
            <>
              <dt className="font-semibold">{t("where")}</dt>
              <dd>{place}</dd>
            </>
          ) : null}
        </dl>
      </header>
      <SignInSheet org={o} eventId={event.id} />
    </article>
  );
}
