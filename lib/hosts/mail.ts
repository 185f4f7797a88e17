import "server-only";
import type { EventProposal } from "@/db/schema";
import type { QueuedMail } from "@/lib/mail/outbox";
import { PRIVATE_LINK, compose, eventUrl, mailTranslator, plain, whenText } from "@/lib/mail/render";
import type { Host } from "./host";

// Messages to a host. Those that carry the host's private link hold a placeholder until they are sent.

export const HOST_LINK_KINDS: ReadonlySet<string> = new Set(["proposal_confirm", "proposal_approved"]);

interface About {
  orgId: string;
  orgName: string;
  campaign: { slug: string; title: string };
  proposal: Pick<EventProposal, "id" | "title" | "startsAt" | "endsAt" | "timeZone" | "city" | "locale">;
}

const base = (a: About, host: Host) => ({ orgId: a.orgId, to: host.email, locale: a.proposal.locale, proposalId: a.proposal.id });

/** "Confirm your proposal": the link to the host's page, where one button confirms it. */
export function proposalConfirmMessage(a: About, host: Host): QueuedMail {
  const t = mailTranslator(a.proposal.locale);
  const mail = compose(t("proposal.confirmSubject", { event: a.proposal.title }), [
    plain(t("greeting", { name: host.name })),
    t("proposal.confirmBody", { campaign: a.campaign.title, event: a.proposal.title, when: whenText(a.proposal.locale, a.proposal) }),
    t("proposal.link", { url: PRIVATE_LINK }),
    t("proposal.footer", { org: a.orgName }),
  ]);
  return { ...base(a, host), kind: "proposal_confirm", mail };
}

/** Approved: where the event is, and the host's private link to run it until it ends. */
export function proposalApprovedMessage(a: About, host: Host, origin: string, event: { id: string; slug: string; title: string }): QueuedMail {
  const t = mailTranslator(a.proposal.locale);
  const mail = compose(t("proposal.approvedSubject", { event: event.title }), [
    plain(t("greeting", { name: host.name })),
    t("proposal.approvedBody", { campaign: a.campaign.title, event: event.title }),
    t("eventPage", { url: eventUrl(origin, a.campaign, event) }),
    t("proposal.manageLink", { url: PRIVATE_LINK }),
    t("proposal.footer", { org: a.orgName }),
  ]);
  return { ...base(a, host), kind: "proposal_approved", mail, eventId: event.id };
}

/** Declined, with the organizer's note: no link, nothing to do. */
export function proposalDeclinedMessage(a: About, host: Host, note: string): QueuedMail {
  const t = mailTranslator(a.proposal.locale);
  const mail = compose(t("proposal.declinedSubject", { event: a.proposal.title }), [
    plain(t("greeting", { name: host.name })),
    t("proposal.declinedBody", { campaign: a.campaign.title, event: a.proposal.title }),
    note ? plain(t("proposal.note", { note })) : null,
    t("proposal.footer", { org: a.orgName }),
  ]);
  return { ...base(a, host), kind: "proposal_declined", mail };
}
