import { sql } from "drizzle-orm";
import { signups } from "@/db/schema";

// What is left of a sign-up once its personal fields are gone: status, role and check-in for the anonymous
// counts, and its times only to the hour, so that an erased row cannot be matched to a moment in other records.

const toTheHour = (column: typeof signups.createdAt | typeof signups.updatedAt | typeof signups.cancelledAt | typeof signups.checkedInAt) =>
  sql`date_trunc('hour', ${column})`;

/** Every personal field of a sign-up emptied, and its times kept to the hour. */
export function erasedFields(now: Date) {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  return {
    personal: null,
    emailHash: null,
    manageTokenHash: null,
    linkResentAt: null,
    consentToContact: false,
    createdAt: toTheHour(signups.createdAt),
    cancelledAt: toTheHour(signups.cancelledAt),
    checkedInAt: toTheHour(signups.checkedInAt),
    erasedAt: hour,
    updatedAt: hour,
  } as const;
}
