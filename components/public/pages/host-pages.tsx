import { useLocale, useTranslations } from "next-intl";
import { EventWhen } from "@/components/public/event-when";
import { HostCancelForm, HostEditForm } from "@/components/hosts/host-forms";
import { ProposeForm } from "@/components/hosts/propose-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { FormState } from "@/lib/forms";
import type { HostPageData, ProposePageData } from "@/lib/hosts/pages";
import { countryName } from "@/lib/geo/countries";
import { PageHead } from "./document";

/** The changes a host makes from their private link; each form posts to /h/{token}/{change}. */
export type HostChange = "confirm" | "edit" | "cancel";

/** "Host an event": the campaign's public form, or, once sent, where the link went. */
export function ProposePage({ data, sent, state }: { data: ProposePageData; sent: boolean; state: FormState | null }) {
  const t = useTranslations("hosts.public");
  const locale = useLocale();
  const { campaign } = data;
  return (
    <div className="space-y-6">
      <PageHead title={t("title", { campaign: campaign.title })} />
      <header>
        <p className="text-sm text-stone-600">
          <a href={`/c/${campaign.slug}`} className="underline">
            {campaign.title}
          </a>{" "}
          · {campaign.orgName}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{t("title", { campaign: campaign.title })}</h1>
        <p className="mt-2 text-stone-700">{t("lead", { org: campaign.orgName })}</p>
      </header>
      {sent ? (
        <Alert tone="success" title={t("sentTitle")}>
          <p data-testid="proposal-sent">{t("sent")}</p>
        </Alert>
      ) : (
        <Card>
          <ProposeForm action={`/${locale}/c/${encodeURIComponent(campaign.slug)}/host/propose`} state={state ?? undefined} />
        </Card>
      )}
    </div>
  );
}

/** A host's own page by their private link: confirm the proposal, wait for the decision, then run the event. */
export function HostPage({
  token,
  data,
  changed,
  refused,
}: {
  token: string;
  data: HostPageData | null;
  changed: string | null;
  refused: { change: HostChange; state: FormState } | null;
}) {
  const t = useTranslations("hosts.page");
  const locale = useLocale();
  if (!data) {
    return (
      <div className="space-y-4">
        <PageHead title={t("unknownTitle")} />
        <h1 className="text-2xl font-bold">{t("unknownTitle")}</h1>
        <p className="text-stone-700">{t("unknown")}</p>
      </div>
    );
  }
  const action = (change: HostChange) => `/${locale}/h/${encodeURIComponent(token)}/${change}`;
  const stateOf = (change: HostChange) => (refused?.change === change ? refused.state : undefined);
  const head = (title: string) => (
    <header>
      <p className="text-sm text-stone-600">{t("title")}</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">{title}</h1>
      <p className="text-sm text-stone-600">{data.campaign.title}</p>
    </header>
  );
  if (data.state !== "approved") {
    const { proposal } = data;
    return (
      <div className="space-y-6">
        <PageHead title={t("title")} />
        <meta name="robots" content="noindex, nofollow" />
        {head(proposal.title)}
        <Card className="space-y-2">
          <EventWhen startsAt={proposal.startsAt} endsAt={proposal.endsAt} timeZone={proposal.timeZone} withReaderTime={false} />
          <p>{[proposal.city, countryName(proposal.country, locale)].filter(Boolean).join(", ")}</p>
        </Card>
        {data.state === "unconfirmed" ? (
          <Card>
            <form method="post" action={action("confirm")} className="space-y-3">
              <p>{t("confirmLead")}</p>
              <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t("confirm")}
              </button>
            </form>
          </Card>
        ) : (
          <Alert tone="info" title={t("pendingTitle")}>
            <p data-testid="proposal-pending">{t("pending")}</p>
          </Alert>
        )}
      </div>
    );
  }
  const { event, attendees, campaign } = data;
  const cancelled = event.status === "cancelled";
  return (
    <div className="space-y-6">
      <PageHead title={t("title")} />
      <meta name="robots" content="noindex, nofollow" />
      {changed === "edited" ? <Alert tone="success">{t("edited")}</Alert> : null}
      {changed === "cancelled" ? <Alert tone="success">{t("cancelledDone")}</Alert> : null}
      {head(event.title)}
      {cancelled ? <Alert tone="error" title={t("eventCancelled")} /> : null}
      <Card className="space-y-2">
        <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} withReaderTime={false} />
        <p>{[event.venue, event.address, event.city, countryName(event.country, locale)].filter(Boolean).join(", ")}</p>
        <a href={`/c/${campaign.slug}/${event.slug}`} className="text-sm text-brand-700 underline">
          {t("publicPage")}
        </a>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("attendees")}</h2>
        <p className="mt-1 text-sm text-stone-600">{t("attendeesLead")}</p>
        {attendees.confirmed.length === 0 && attendees.waitlisted.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("nobodyYet")}</p>
        ) : (
          <ol className="mt-3 list-decimal space-y-1 pl-6" data-testid="host-attendees">
            {attendees.confirmed.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ol>
        )}
        {attendees.waitlisted.length ? (
          <>
            <h3 className="mt-4 font-semibold">{t("waitlist")}</h3>
            <ol className="mt-2 list-decimal space-y-1 pl-6">
              {attendees.waitlisted.map((name, i) => (
                <li key={i}>{name}</li>
              ))}
            </ol>
          </>
        ) : null}
        {attendees.unnamed ? <p className="mt-3 text-sm text-stone-600">{t("unnamed", { count: attendees.unnamed })}</p> : null}
      </Card>
      {cancelled ? null : (
        <>
          <Card>
            <HostEditForm action={action("edit")} state={stateOf("edit")} event={event} />
          </Card>
          <HostCancelForm action={action("cancel")} state={stateOf("cancel")} />
        </>
      )}
      <p className="text-sm text-stone-600">{t("linkEnds")}</p>
    </div>
  );
}
