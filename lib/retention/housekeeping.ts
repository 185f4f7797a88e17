import "server-only";
import { getDb } from "@/db/client";
import { purgeExpiredChallenges } from "@/lib/accounts/passkeys";
import { purgeProposals } from "@/lib/hosts/proposals";
import { purgeOldMessages } from "@/lib/mail/outbox";
import { forgetSettledInvitationAddresses } from "@/lib/orgs/invitations";
import { purgeEndedWindows } from "@/lib/rate-limit";
import { purgeExpiredSignups } from "./retention";

export interface HousekeepingResult {
  /** Events whose sign-ups lost their personal data, and how many sign-ups. */
  erased: { events: number; signups: number };
  /** Sent or abandoned messages older than 30 days, forgotten. */
  messages: number;
  /** Limit counters past their time: the keyed hashes of clients' network addresses in them. */
  limits: number;
  /** Invitations that can no longer be used whose address was forgotten. */
  invitations: number;
  /** Passkey challenges given out and never answered. */
  challenges: number;
  /** Proposed events forgotten (unconfirmed, undecided, long declined), and hosts erased once their event ended. */
  proposals: { deleted: number; hostsErased: number };
}

/**
 * Everything Picket forgets on a schedule, in one run: the hourly timer of each server and `npm run purge`
 * from cron both call this, so nothing personal waits for traffic to be cleaned up.
 */
export async function runHousekeeping(now = new Date()): Promise<HousekeepingResult> {
  const erased = await purgeExpiredSignups(now);
  const db = await getDb();
  const messages = await purgeOldMessages(db, now);
  const limits = await purgeEndedWindows(now, db);
  const invitations = await forgetSettledInvitationAddresses(now, db);
  const challenges = await purgeExpiredChallenges(now, db);
  const proposals = await purgeProposals(now, db);
  return { erased, messages, limits, invitations, challenges, proposals };
}

/** The run in words for the server's log and the cron script's output: counts only, nothing personal. */
export function describeHousekeeping(r: HousekeepingResult): string[] {
  const lines: string[] = [];
  if (r.erased.events > 0) lines.push(`retention: erased the personal data of ${r.erased.signups} sign-ups of ${r.erased.events} events`);
  if (r.messages > 0) lines.push(`retention: forgot ${r.messages} messages older than 30 days`);
  if (r.limits > 0) lines.push(`retention: forgot ${r.limits} ended limit counters (hashed client addresses)`);
  if (r.invitations > 0) lines.push(`retention: forgot the address of ${r.invitations} used, withdrawn or expired invitations`);
  if (r.challenges > 0) lines.push(`retention: forgot ${r.challenges} unanswered passkey challenges`);
  if (r.proposals.deleted > 0) lines.push(`retention: forgot ${r.proposals.deleted} unconfirmed, undecided or declined event proposals`);
  if (r.proposals.hostsErased > 0) lines.push(`retention: erased the hosts of ${r.proposals.hostsErased} ended events`);
  return lines;
}
