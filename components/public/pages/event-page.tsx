import { useLocale, useTranslations } from "next-intl";
import { EventBanner } from "@/components/public/event-banner";
import { EventPlace } from "@/components/public/event-place";
import { EventWhen } from "@/components/public/event-when";
import { Markdown } from "@/components/public/markdown";
import { Places } from "@/components/public/places";
import { ReadMore } from "@/components/public/read-more";
import { TranslationNote } from "@/components/public/translation-note";
import { SignedUp } from "@/components/signups/signed-up";
import { SignupForm } from "@/components/signups/signup-form";
import { ShiftList } from "@/components/shifts/shift-choices";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CalendarPlus } from "@/components/ui/icons";
import type { FormState } from "@/lib/forms";
import type { EventPageData } from "@/lib/public/pages";
import { acceptsSignups } from "@/lib/signups/availability";
import { rolesWithRoom } from "@/lib/signups/role-room";
import { formatInstant } from "@/lib/time/format";
import { PageHead } from "./document";

/** What the sign-up box shows: the form (refused: with its messages), or what happened after a sign-up. */
export type SignupBox = { form: FormState } | { done: "confirmed" | "waitlisted" | "requested"; position: number; link?: string };

export function EventPage({ data, signup, erased }: { data: EventPageData; signup: SignupBox; erased: boolean }) {
  const { campaign, event, articles, original } = data;
  const t = useTranslations("public.event");
  const tk = useTranslations("kinds.event");
  const ts = useTranslations("signups.shifts");
  const locale = useLocale();
  const open = acceptsSignups(event.signupState);
  const description = `${formatInstant(locale, event.startsAt, event.timeZone)} · ${[event.venue, event.gatheringArea, event.city].filter(Boolean).join(", ")}`;
  return (
    <article className="space-y-6">
      <PageHead title={`${event.title} — ${campaign.title}`} description={description} />
      {erased ? <Alert tone="success">{t("erased")}</Alert> : null}
      <EventBanner event={event} />
      <header>
        <p className="text-sm text-stone-600">
          <a href={`/c/${campaign.slug}`} className="text-brand-700 underline">
            {campaign.title}
          </a>{" "}
          · {tk(event.kind)}
          {event.coHosted ? <span data-testid="event-host"> · {t("hostedBy", { host: event.hostName })}</span> : null}
        </p>
        <h1 lang={event.translated ?? undefined} className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
          {event.title}
        </h1>
        <div className="mt-2">
          <TranslationNote translated={event.translated} original={original} path={`/c/${campaign.slug}/${event.slug}`} />
        </div>
      </header>
      <Card className="space-y-4">
        <section aria-labelledby="when">
          <h2 id="when" className="text-sm font-semibold uppercase tracking-wide text-stone-600">
            {t("when")}
          </h2>
          <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} />
          <a href={`/c/${campaign.slug}/${event.slug}/event.ics`} className="mt-2 inline-flex items-center gap-1 text-sm text-brand-700 underline">
            <CalendarPlus aria-hidden className="size-4" />
            {t("addToCalendar")}
          </a>
        </section>
        <section aria-labelledby="where">
          <h2 id="where" className="text-sm font-semibold uppercase tracking-wide text-stone-600">
            {t("where")}
          </h2>
          <EventPlace event={event} />
        </section>
        {event.roles.length ? (
          <section aria-labelledby="roles">
            <h2 id="roles" className="text-sm font-semibold uppercase tracking-wide text-stone-600">
              {t("roles")}
            </h2>
            <ul className="mt-1 flex flex-wrap gap-2" data-testid="role-needs">
              {data.roleNeeds.map((n) => (
                <li key={n.role} className={`rounded-full px-3 py-1 text-sm ${n.missing === 0 ? "bg-stone-100 text-stone-600" : "bg-stone-100"}`}>
                  {n.role}
                  {n.needed !== null ? (
                    <span className={n.missing ? "font-semibold text-brand-800" : ""}>
                      {" · "}
                      {n.missing ? t("roleMissing", { missing: n.missing, needed: n.needed }) : t("roleFilled")}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {/* The shifts with their places, where the form does not list them. */}
        {data.shifts.length && (!open || "done" in signup) ? (
          <section aria-labelledby="shifts-title">
            <h2 id="shifts-title" className="text-sm font-semibold uppercase tracking-wide text-stone-600">
              {ts("legend")}
            </h2>
            <ShiftList shifts={data.shifts} timeZone={event.timeZone} waitlist={event.waitlist} />
          </section>
        ) : null}
        {event.capacity !== null && event.status !== "cancelled" ? (
          <p data-testid="places">
            <Places event={event} />
          </p>
        ) : null}
      </Card>
      {event.description ? (
        <div lang={event.translated ?? undefined}>
          <Markdown>{event.description}</Markdown>
        </div>
      ) : null}
      <ReadMore articles={articles} />
      <EventSignup data={data} signup={signup} action={`/${locale}/c/${campaign.slug}/${event.slug}/signup`} />
    </article>
  );
}

/**
 * The sign-up box of an event: its form (refused: with its messages), or what happened after a sign-up, or why
 * it takes none. The event page and its embed (embed-page.tsx) show the same one; `action` is where the form posts.
 */
export function EventSignup({ data, signup, action, embedded = false }: { data: EventPageData; signup: SignupBox; action: string; embedded?: boolean }) {
  const { campaign, event } = data;
  const t = useTranslations("public.event");
  const locale = useLocale();
  const open = acceptsSignups(event.signupState);
  return (
    <section aria-labelledby="signup" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="signup" className="text-xl font-semibold">
        {event.signupState === "waitlist" ? t("signupWaitlistTitle") : t("signupTitle")}
      </h2>
      {"done" in signup ? (
        <SignedUp outcome={signup.done} position={signup.position} mailWorks={data.mailWorks} mode={event.signupMode} link={signup.link} newTab={embedded} />
      ) : open ? (
        <>
          {event.signupState === "waitlist" ? <p className="mt-1 text-sm text-stone-700">{t("waitlistExplained")}</p> : null}
          {event.approval ? (
            <p className="mt-1 text-sm text-stone-700" data-testid="signup-approval">
              {t("approvalExplained")}
            </p>
          ) : null}
          {event.signupMode !== "named" ? (
            <p className="mt-1 text-sm text-stone-700" data-testid="signup-mode">
              {t(event.signupMode === "headcount" ? "headcountExplained" : "pseudonymousExplained")}
            </p>
          ) : null}
          {event.signupDeadline ? (
            <p className="mt-1 text-sm text-stone-700">{t("deadline", { when: formatInstant(locale, event.signupDeadline, event.timeZone) })}</p>
          ) : null}
          <div className="mt-4">
            <SignupForm
              action={action}
              state={signup.form}
              roles={rolesWithRoom(data.roleNeeds)}
              waitlist={event.signupState === "waitlist"}
              approval={event.approval}
              mode={event.signupMode}
              retentionDays={campaign.retentionDays}
              shifts={data.shifts}
              shiftWaitlist={event.waitlist && event.signupMode !== "headcount"}
              timeZone={event.timeZone}
            />
          </div>
        </>
      ) : (
        <p className="mt-2 text-stone-700" data-testid="signup-closed">
          {t(`closed.${event.signupState as "full" | "deadline" | "started" | "past" | "cancelled" | "archived"}`)}
        </p>
      )}
    </section>
  );
}
