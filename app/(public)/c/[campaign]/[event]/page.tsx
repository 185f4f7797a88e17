import { CalendarPlus } from "@/components/ui/icons";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EventBanner } from "@/components/public/event-banner";
import { EventPlace } from "@/components/public/event-place";
import { EventWhen } from "@/components/public/event-when";
import { Markdown } from "@/components/public/markdown";
import { ReadMore } from "@/components/public/read-more";
import { Places } from "@/components/public/places";
import { SignupForm } from "@/components/signups/signup-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { readMoreForEvent } from "@/lib/articles/public";
import { TranslationNote } from "@/components/public/translation-note";
import { campaignInLocale, eventsInLocale } from "@/lib/translations/translations";
import { getPublicEvent } from "@/lib/events/public";
import { acceptsSignups } from "@/lib/signups/availability";
import { formatInstant } from "@/lib/time/format";
import { isSmtpConfigured } from "@/lib/mail/mailbox";
import { SignedUp } from "@/components/signups/signed-up";
import { signUpAction } from "./actions";

type Params = { params: Promise<{ campaign: string; event: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { campaign, event } = await params;
  const found = await getPublicEvent(campaign, event);
  if (!found) return {};
  const locale = await getLocale();
  const when = formatInstant(locale, found.event.startsAt, found.event.timeZone);
  const description = `${when} · ${[found.event.venue, found.event.city].filter(Boolean).join(", ")}`;
  const title = `${found.event.title} — ${found.campaign.title}`;
  return {
    title,
    description,
    openGraph: { title, description, type: "website", siteName: "Picket" },
    twitter: { card: "summary", title, description },
  };
}

export default async function EventPage({ params, searchParams }: Params) {
  const { campaign: campaignSlug, event: eventSlug } = await params;
  const { erased, original: originalParam, signup, position } = await searchParams;
  const found = await getPublicEvent(campaignSlug, eventSlug);
  if (!found) notFound();
  const original = originalParam === "1";
  const reader = await getLocale();
  const campaign = original ? found.campaign : await campaignInLocale(found.campaign, reader);
  const event = original ? { ...found.event, translated: null } : (await eventsInLocale([found.event], reader))[0]!;
  const articles = await readMoreForEvent(event.id);
  const t = await getTranslations("public.event");
  const tk = await getTranslations("kinds.event");
  const locale = await getLocale();
  const open = acceptsSignups(event.signupState);
  return (
    <article className="space-y-6">
      {erased ? <Alert tone="success">{t("erased")}</Alert> : null}
      <EventBanner event={event} />
      <header>
        <p className="text-sm text-stone-600">
          <Link href={`/c/${campaign.slug}`} className="text-brand-700 underline">
            {campaign.title}
          </Link>{" "}
          · {tk(event.kind)}
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
            <ul className="mt-1 flex flex-wrap gap-2">
              {event.roles.map((r) => (
                <li key={r} className="rounded-full bg-stone-100 px-3 py-1 text-sm">
                  {r}
                </li>
              ))}
            </ul>
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
      <section aria-labelledby="signup" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="signup" className="text-xl font-semibold">
          {event.signupState === "waitlist" ? t("signupWaitlistTitle") : t("signupTitle")}
        </h2>
        {signup === "confirmed" || signup === "waitlisted" ? (
          <SignedUp outcome={signup} position={Number(position) || 1} mailWorks={isSmtpConfigured()} />
        ) : open ? (
          <>
            {event.signupState === "waitlist" ? <p className="mt-1 text-sm text-stone-700">{t("waitlistExplained")}</p> : null}
            {event.signupDeadline ? (
              <p className="mt-1 text-sm text-stone-700">{t("deadline", { when: formatInstant(locale, event.signupDeadline, event.timeZone) })}</p>
            ) : null}
            <div className="mt-4">
              <SignupForm
                action={signUpAction}
                campaign={campaign.slug}
                event={event.slug}
                roles={event.roles}
                waitlist={event.signupState === "waitlist"}
                privacy={(await getTranslations("signups.form"))("privacy", { days: campaign.retentionDays })}
              />
            </div>
          </>
        ) : (
          <p className="mt-2 text-stone-700" data-testid="signup-closed">
            {t(`closed.${event.signupState as "full" | "deadline" | "started" | "past" | "cancelled" | "archived"}`)}
          </p>
        )}
      </section>
    </article>
  );
}
