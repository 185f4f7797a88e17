import { useLocale, useTranslations } from "next-intl";
import { EventPlace, useRevealTime } from "@/components/public/event-place";
import { EventWhen } from "@/components/public/event-when";
import { LocalTime } from "@/components/public/local-time";
import { ChangeRoleForm, ConfirmedActionForm } from "@/components/signups/manage-forms";
import { OwnShifts } from "@/components/shifts/own-shifts";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CalendarPlus } from "@/components/ui/icons";
import type { FormState } from "@/lib/forms";
import type { OwnSignupPageData } from "@/lib/public/pages";
import { rolesWithRoom } from "@/lib/signups/role-room";
import { formatInstant } from "@/lib/time/format";
import { PageHead } from "./document";

/** The changes a supporter can make from their private link; each form posts to /s/{token}/{change}. */
export type OwnSignupChange = "role" | "cancel" | "erase" | "shift-drop" | "shift-add";
export const OWN_SIGNUP_CHANGES: readonly OwnSignupChange[] = ["role", "cancel", "erase", "shift-drop", "shift-add"];

/** A supporter's own sign-up, by its private link: what they gave, and what they can change or erase. */
export function OwnSignupPage({
  token,
  data,
  changed,
  refused,
}: {
  token: string;
  data: OwnSignupPageData | null;
  /** What the last change was, said on top ("role", "cancelled"). */
  changed: string | null;
  /** A change that was refused, with its form's messages. */
  refused: { change: OwnSignupChange; state: FormState } | null;
}) {
  const t = useTranslations("signups.manage");
  const ts = useTranslations("signups.status");
  const locale = useLocale();
  const reveal = useRevealTime(data?.event ?? { placeRevealAt: null, timeZone: "UTC" });
  if (!data) {
    return (
      <div className="space-y-4">
        <PageHead title={t("unknownTitle")} />
        <h1 className="text-2xl font-bold">{t("unknownTitle")}</h1>
        <p className="text-stone-700">{t("unknown")}</p>
      </div>
    );
  }
  const { own, campaign, event, exactPlace } = data;
  const eventOpen = event.status !== "cancelled" && event.signupState !== "past";
  const action = (change: OwnSignupChange) => `/${locale}/s/${encodeURIComponent(token)}/${change}`;
  const stateOf = (change: OwnSignupChange) => (refused?.change === change ? refused.state : undefined);
  return (
    <div className="space-y-6">
      <PageHead title={t("title")} />
      <meta name="robots" content="noindex, nofollow" />
      {changed === "role" ? <Alert tone="success">{t("roleSaved")}</Alert> : null}
      {changed === "cancelled" ? <Alert tone="success">{t("cancelledDone")}</Alert> : null}
      {changed === "shift-dropped" ? <Alert tone="success">{t("shifts.dropped")}</Alert> : null}
      {changed === "shift-added" ? <Alert tone="success">{t("shifts.added")}</Alert> : null}
      <header>
        <p className="text-sm text-stone-600">{t("title")}</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">
          <a href={`/c/${campaign.slug}/${event.slug}`} className="hover:underline">
            {event.title}
          </a>
        </h1>
        <p className="text-sm text-stone-600">{campaign.title}</p>
      </header>
      {event.status === "cancelled" ? <Alert tone="error" title={t("eventCancelled")} /> : null}
      <Card className="space-y-4">
        <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} />
        {/* This link's own file: the public place, and the exact one once it was sent to this person. */}
        <a href={`/s/${encodeURIComponent(token)}/event.ics`} className="inline-flex items-center gap-1 text-sm text-brand-700 underline">
          <CalendarPlus aria-hidden className="size-4" />
          {t("addToCalendar")}
        </a>
        <EventPlace event={event} revealNote={false} />
        {exactPlace ? (
          <section aria-labelledby="exact-place" data-testid="exact-place" className="rounded-md border border-amber-300 bg-amber-50 p-3">
            <h2 id="exact-place" className="text-sm font-semibold">
              {t("exactPlace")}
            </h2>
            <EventPlace event={{ ...event, ...exactPlace, placeHidden: false }} />
          </section>
        ) : event.placeHidden && reveal ? (
          <p className="text-sm text-stone-700" data-testid="place-hidden">
            {own.status === "confirmed" ? t("placeComing", reveal) : t("placeConfirmedOnly", reveal)}
          </p>
        ) : null}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("yourSignup")}</h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-stone-600">{t("status")}</dt>
          <dd data-testid="signup-status" className="font-semibold">
            {own.status === "waitlisted" ? t("waitlistPosition", { position: own.position ?? 1 }) : ts(own.status)}
          </dd>
          <dt className="text-stone-600">{t("name")}</dt>
          <dd>{own.name}</dd>
          {own.email ? (
            <>
              <dt className="text-stone-600">{t("email")}</dt>
              <dd>{own.email}</dd>
            </>
          ) : null}
          {own.phone ? (
            <>
              <dt className="text-stone-600">{t("phone")}</dt>
              <dd>{own.phone}</dd>
            </>
          ) : null}
          <dt className="text-stone-600">{t("role")}</dt>
          <dd>{own.role ?? t("noRole")}</dd>
          {own.comment ? (
            <>
              <dt className="text-stone-600">{t("comment")}</dt>
              <dd className="whitespace-pre-line">{own.comment}</dd>
            </>
          ) : null}
          {own.email ? (
            <>
              <dt className="text-stone-600">{t("consent")}</dt>
              <dd>{own.consentToContact ? t("yes") : t("no")}</dd>
            </>
          ) : null}
          <dt className="text-stone-600">{t("signedUpAt")}</dt>
          <dd>
            {formatInstant(locale, own.createdAt, event.timeZone)}
            {/* A supporter far from the place also reads it on their own clock (filled in by the page's script). */}
            <LocalTime
              startsAt={own.createdAt.toISOString()}
              endsAt={own.createdAt.toISOString()}
              timeZone={event.timeZone}
              locale={locale}
              testId="signed-up-reader-time"
            />
          </dd>
        </dl>
      </Card>
      {data.shifts.taken.length ? (
        <Card>
          <OwnShifts
            taken={data.shifts.taken}
            others={data.shifts.others}
            timeZone={event.timeZone}
            waitlist={event.waitlist}
            open={own.status !== "cancelled" && own.status !== "declined" && (event.signupState === "open" || event.signupState === "waitlist")}
            dropAction={action("shift-drop")}
            addAction={action("shift-add")}
            refused={stateOf("shift-drop") ?? stateOf("shift-add")}
          />
        </Card>
      ) : null}
      {own.status !== "cancelled" && own.status !== "declined" && eventOpen && event.roles.length ? (
        <Card>
          <ChangeRoleForm
            action={action("role")}
            state={stateOf("role")}
            roles={event.roles.filter((r) => r === own.role || rolesWithRoom(data.roleNeeds).includes(r))}
            current={own.role}
          />
        </Card>
      ) : null}
      <div className="space-y-3">
        {own.status !== "cancelled" && own.status !== "declined" ? (
          <ConfirmedActionForm
            action={action("cancel")}
            state={stateOf("cancel")}
            summary={t("cancel")}
            explanation={own.status === "confirmed" && event.capacity !== null ? t("cancelExplainedPlace") : t("cancelExplained")}
            confirmLabel={t("cancelConfirm")}
            pendingLabel={t("cancelling")}
          />
        ) : null}
        <ConfirmedActionForm
          action={action("erase")}
          state={stateOf("erase")}
          summary={t("erase")}
          explanation={t("eraseExplained")}
          confirmLabel={t("eraseConfirm")}
          pendingLabel={t("erasing")}
        />
      </div>
      <p className="text-sm text-stone-600">{t("privateLink", { days: campaign.retentionDays })}</p>
    </div>
  );
}
