import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { AttendeeMessageForm } from "@/components/mail/attendee-message-form";
import { Card, PageTitle } from "@/components/ui/card";
import { loadEventPage } from "@/lib/orgs/page-guard";
import { attendeeMessageAction } from "./actions";

type Params = Promise<{ org: string; campaign: string; event: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attendeeMessages"))("metaTitle"), robots: { index: false } };
}

/** Organizers and owners write to an event's attendees; coordinators get the 403 page. */
export default async function AttendeeMessagePage({ params }: { params: Params }) {
  const { org: orgSlug, campaign: campaignSlug, event: eventSlug } = await params;
  const path = `/dashboard/${orgSlug}/campaigns/${campaignSlug}/events/${eventSlug}/message`;
  const { org, campaign, event } = await loadEventPage(orgSlug, campaignSlug, eventSlug, "organizer", path);
  const t = await getTranslations("attendeeMessages");
  const tc = await getTranslations("campaigns.dashboard");
  const eventPath = `/dashboard/${org.slug}/campaigns/${campaign.slug}/events/${event.slug}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: `/dashboard/${org.slug}/campaigns`, label: tc("nav") },
          { href: `/dashboard/${org.slug}/campaigns/${campaign.slug}`, label: campaign.title },
          { href: eventPath, label: event.title },
          { label: t("title") },
        ]}
      />
      <PageTitle lead={t("lead", { event: event.title })}>{t("title")}</PageTitle>
      <Card className="max-w-3xl">
        {/* A fresh nonce per page: the same form submitted twice is sent once. */}
        <AttendeeMessageForm action={attendeeMessageAction} org={org.slug} eventId={event.id} roles={event.roles} nonce={randomUUID()} />
      </Card>
    </>
  );
}
