import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/exports/print-button";
import { loadEventForCoordinator } from "@/lib/attendees/page-guard";
import { signInSheet } from "@/lib/exports/sheet";
import { formatRange, zoneCity } from "@/lib/time/format";

type Props = { params: Promise<{ org: string; campaign: string; event: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exportsUI.sheet");
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
  const { actor, org, event } = await loadEventForCoordinator(o, c, e, `${eventPath}/sheet`);
  // Each rendering is recorded: a printed list is a copy of personal data.
  const sheet = await signInSheet(actor, event.id, org.id);
  const t = await getTranslations("exportsUI.sheet");
  const locale = await getLocale();
  const place = [event.venue, event.address, event.city].filter(Boolean).join(", ");
  return (
    <article data-sheet className="mx-auto max-w-4xl bg-white p-3 text-stone-900 break-words sm:p-6 print:p-0">
      <style>{PRINT_CSS}</style>
      <div data-screen-only className="mb-4 flex flex-wrap items-center gap-3">
        <Link href={eventPath} className="text-sm text-brand-700 underline underline-offset-2">
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <header className="mb-4 border-b-2 border-stone-900 pb-3">
        <p className="text-sm">{sheet.campaign.title}</p>
        <h1 className="text-2xl font-bold">
          {t("title")}: {sheet.event.title}
        </h1>
        <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("when")}</dt>
          <dd data-testid="sheet-when">
            {formatRange(locale, sheet.event.startsAt, sheet.event.endsAt, sheet.event.timeZone)} ({zoneCity(sheet.event.timeZone)})
          </dd>
          {place ? (
            <>
              <dt className="font-semibold">{t("where")}</dt>
              <dd>{place}</dd>
            </>
          ) : null}
        </dl>
        <p className="mt-2 text-sm" data-testid="sheet-count">
          {t("count", { count: sheet.rows.length })}
        </p>
      </header>
      {sheet.rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center">{t("empty")}</p>
      ) : (
        <table className="w-full table-fixed border-collapse text-sm sm:text-base print:text-base">
          <thead>
            <tr className="text-left">
              <th scope="col" className="w-9 border border-stone-700 px-1 py-1 sm:px-2">
                #
              </th>
              <th scope="col" className="border border-stone-700 px-2 py-1">
                {t("name")}
              </th>
              <th scope="col" className="w-1/4 border border-stone-700 px-2 py-1 sm:w-1/5">
                {t("role")}
              </th>
              <th scope="col" className="w-1/5 border border-stone-700 px-2 py-1 sm:w-2/5">
                {t("signature")}
              </th>
            </tr>
          </thead>
          <tbody data-testid="sheet-rows">
            {sheet.rows.map((r, i) => (
              <tr key={r.id}>
                <td className="border border-stone-700 px-1 py-3 text-right tabular-nums sm:px-2">{i + 1}</td>
                <td className="border border-stone-700 px-2 py-3 font-medium">{r.name}</td>
                <td className="border border-stone-700 px-2 py-3">{r.role}</td>
                <td className="border border-stone-700 px-2 py-3" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-4 text-xs text-stone-700">{t("notice")}</p>
    </article>
  );
}
