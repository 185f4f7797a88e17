import { relations, sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  foreignKey,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const orgRole = pgEnum("org_role", ["owner", "organizer", "coordinator"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    // Stored normalised (trimmed, lower case) so one address is one account.
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), check("users_email_normalised", sql`${t.email} = lower(btrim(${t.email}))`)],
);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    // Members who can see personal data must have a second factor before any list, export or mailbox opens.
    requireSecondFactor: boolean("require_second_factor").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organisations_slug_key").on(t.slug), check("organisations_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: orgRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: orgRole("role").notNull(),
    // SHA-256 of the link's token; the token itself exists only in the link.
    tokenHash: text("token_hash").notNull(),
    note: text("note"),
    // Where the link was emailed, when the owner gave an address.
    email: text("email"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("invitations_token_hash_key").on(t.tokenHash), index("invitations_org_idx").on(t.orgId)],
);

// Sliding-window counters shared by every app instance (lib/rate-limit). Keys hold keyed hashes, never addresses.
// Each window starts at the key's first hit, not at a round time of the clock.
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowSeconds: integer("window_seconds").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    currentCount: integer("current_count").notNull().default(0),
    previousCount: integer("previous_count").notNull().default(0),
    // When it counts nothing any more: the row may be deleted.
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt), check("rate_limits_window_positive", sql`${t.windowSeconds} > 0`)],
);

// A login, checked on every request (lib/accounts/sessions.ts): deleting its row ends it at once. No client
// address is kept; the device is a short name made from the User-Agent.
export const accountSessions = pgTable(
  "account_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    device: text("device").notNull().default(""),
    // How the login was proved: "password", "totp", "recovery" or "passkey".
    method: text("method").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_sessions_user_idx").on(t.userId)],
);

export const secondFactorKind = pgEnum("second_factor_kind", ["totp", "passkey"]);

// A person's second factors. A TOTP secret is sealed with the accounts data key (lib/crypto/keys.ts); it counts
// once confirmed with a first code. A passkey keeps its public key only.
export const secondFactors = pgTable(
  "second_factors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: secondFactorKind("kind").notNull(),
    name: text("name").notNull().default(""),
    secret: text("secret"),
    // The last TOTP time step accepted: a code is never accepted twice.
    lastTimeStep: integer("last_time_step"),
    credentialId: text("credential_id"),
    publicKey: text("public_key"),
    signCount: integer("sign_count"),
    transports: text("transports").array(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("second_factors_user_idx").on(t.userId),
    uniqueIndex("second_factors_credential_key").on(t.credentialId),
    check(
      "second_factors_kind_fields",
      sql`(${t.kind} = 'totp') = (${t.secret} is not null) and (${t.kind} = 'passkey') = (${t.credentialId} is not null and ${t.publicKey} is not null)`,
    ),
  ],
);

// One-time recovery codes: only their hashes; a used code is deleted.
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

// WebAuthn challenges handed out for adding a passkey (bound to the person) or for proving one at login (bound to
// nobody: the login form does not say whose account it is before the password is checked). One use, five minutes.
export const passkeyChallenges = pgTable(
  "passkey_challenges",
  {
    challenge: text("challenge").primaryKey(),
    purpose: text("purpose", { enum: ["register", "login"] }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("passkey_challenges_expires_idx").on(t.expiresAt)],
);

// Password reset links: the SHA-256 of the token only; one use, 30 minutes.
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

// Registrations waiting for their address to be confirmed by the link emailed to it (only its hash is kept).
export const pendingRegistrations = pgTable(
  "pending_registrations",
  {
    tokenHash: text("token_hash").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("en"),
    // Where the person was going (an invitation): a path of this site, followed after the first login.
    returnPath: text("return_path"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("pending_registrations_expires_idx").on(t.expiresAt)],
);

export const usersRelations = relations(users, ({ many }) => ({ memberships: many(memberships) }));
export const organisationsRelations = relations(organisations, ({ many }) => ({
  memberships: many(memberships),
  invitations: many(invitations),
}));
export const membershipsRelations = relations(memberships, ({ one }) => ({
  organisation: one(organisations, { fields: [memberships.orgId], references: [organisations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));
export const invitationsRelations = relations(invitations, ({ one }) => ({
  organisation: one(organisations, { fields: [invitations.orgId], references: [organisations.id] }),
}));

export const campaignKind = pgEnum("campaign_kind", ["embassy_protest", "trial_watch", "solidarity_action", "appeal"]);
export const campaignStatus = pgEnum("campaign_status", ["draft", "published", "archived"]);
export const eventKind = pgEnum("event_kind", ["protest", "picket", "vigil", "hearing", "meeting", "screening", "online"]);
export const eventStatus = pgEnum("event_status", ["scheduled", "postponed", "cancelled"]);
// requested: waiting for an organizer's approval (events that vet sign-ups); declined: refused by one.
export const signupStatus = pgEnum("signup_status", ["confirmed", "waitlisted", "cancelled", "requested", "declined"]);
// named: a name and an email; pseudonymous: a nickname and no email (the private link is shown once, on the
// page); headcount: nobody's data at all, only that one more person is coming.
export const signupMode = pgEnum("signup_mode", ["named", "pseudonymous", "headcount"]);

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    // Public address /c/{slug}: unique across all organisations.
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    kind: campaignKind("kind").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    appealUrl: text("appeal_url"),
    status: campaignStatus("status").notNull().default("draft"),
    retentionDays: integer("retention_days").notNull().default(30),
    // The language its own text is written in: translations are offered in the other languages only.
    language: text("language").notNull().default("en"),
    // Supporters may propose events of their own under it (public form /c/{slug}/host); organizers decide each.
    acceptsProposals: boolean("accepts_proposals").notNull().default(false),
    // Followable from the fediverse (ActivityPub) while published: its public events and trial updates go to followers.
    federated: boolean("federated").notNull().default(true),
    // Other sites (origins such as https://partner.example.org) whose pages may send sign-ups to this campaign's
    // events and show its embedded sign-up form (/embed/c/{slug}/{event}) in a frame.
    signupOrigins: text("signup_origins")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Who made it: an organizer sees the attendees of the campaigns they made, and of those they are given (member_scopes).
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("campaigns_slug_key").on(t.slug),
    index("campaigns_org_idx").on(t.orgId),
    check("campaigns_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("campaigns_retention_days", sql`${t.retentionDays} between 1 and 3650`),
    check("campaigns_language", sql`${t.language} ~ '^[a-z]{2}$'`),
  ],
);

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    // The organisation that runs it: the campaign's own, or a partner that co-hosts the campaign. Its members
    // alone see, check in, export and write to the event's people; the campaign's organisation sees their counts.
    // Left out of an insert, it is the campaign's organisation (the trigger events_host_org_default).
    hostOrgId: uuid("host_org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" })
      .$defaultFn(() => sql`default`),
    title: text("title").notNull(),
    kind: eventKind("kind").notNull(),
    description: text("description").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // IANA zone of the place: times are shown in it, with its name.
    timeZone: text("time_zone").notNull(),
    venue: text("venue").notNull().default(""),
    address: text("address").notNull().default(""),
    city: text("city").notNull().default(""),
    country: text("country").notNull(),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    onlineUrl: text("online_url"),
    capacity: integer("capacity"),
    signupDeadline: timestamp("signup_deadline", { withTimezone: true }),
    waitlist: boolean("waitlist").notNull().default(false),
    status: eventStatus("status").notNull().default("scheduled"),
    roles: text("roles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // How many of a role are needed ("steward": 4); a role not named here takes anyone who offers.
    roleNeeds: jsonb("role_needs")
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    signupMode: signupMode("signup_mode").notNull().default("named"),
    // Each sign-up waits as "requested" until an organizer or an assigned coordinator approves or declines it.
    approval: boolean("approval").notNull().default(false),
    // The exact place (venue, address, point on the map, online link) is kept off every public page, calendar
    // file and feed; the public see the city and the gathering area. Confirmed attendees are sent it
    // `place_reveal_minutes` before the start, and see it on their private page from then.
    placeHidden: boolean("place_hidden").notNull().default(false),
    gatheringArea: text("gathering_area").notNull().default(""),
    placeRevealMinutes: integer("place_reveal_minutes").notNull().default(120),
    // The start whose place messages are queued: a new date queues them again.
    placeRevealedFor: timestamp("place_revealed_for", { withTimezone: true }),
    // The language its title and description are written in (the campaign's, unless the organizer chose another).
    language: text("language").notNull().default("en"),
    // When postponed: the date it had before, and why it moved.
    previousStartsAt: timestamp("previous_starts_at", { withTimezone: true }),
    previousEndsAt: timestamp("previous_ends_at", { withTimezone: true }),
    changeReason: text("change_reason"),
    // A hearing belongs to one case of a trial watch.
    caseId: uuid("case_id").references((): AnyPgColumn => cases.id, { onDelete: "set null" }),
    // Kept in the same transaction as every sign-up change; the event row lock serialises them.
    confirmedCount: integer("confirmed_count").notNull().default(0),
    waitlistedCount: integer("waitlisted_count").notNull().default(0),
    // Sign-ups waiting for approval: they hold no place until approved.
    requestedCount: integer("requested_count").notNull().default(0),
    // When the personal fields of this event's sign-ups were erased (retention, or early by an organizer).
    personalDataErasedAt: timestamp("personal_data_erased_at", { withTimezone: true }),
    // The start whose 24-hour reminders are queued: a new date queues them again.
    remindersQueuedFor: timestamp("reminders_queued_for", { withTimezone: true }),
    // iCalendar SEQUENCE: raised by every change a calendar should pick up (time, place, details, cancellation).
    sequence: integer("sequence").notNull().default(0),
    // The key its sign-ups' personal data is sealed with (data_keys); emptied when erasure deletes the key.
    dataKeyId: uuid("data_key_id").references((): AnyPgColumn => dataKeys.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_campaign_slug_key").on(t.campaignId, t.slug),
    index("events_starts_at_idx").on(t.startsAt),
    index("events_host_org_idx").on(t.hostOrgId),
    check("events_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("events_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_deadline_before_start", sql`${t.signupDeadline} is null or ${t.signupDeadline} <= ${t.startsAt}`),
    check("events_capacity_positive", sql`${t.capacity} is null or ${t.capacity} > 0`),
    check("events_confirmed_within_capacity", sql`${t.capacity} is null or ${t.confirmedCount} <= ${t.capacity}`),
    check("events_counts_non_negative", sql`${t.confirmedCount} >= 0 and ${t.waitlistedCount} >= 0 and ${t.requestedCount} >= 0`),
    check("events_place_reveal_minutes", sql`${t.placeRevealMinutes} between 15 and 10080`),
    check("events_country_code", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("events_language", sql`${t.language} ~ '^[a-z]{2}$'`),
  ],
);

// Organisations that co-host a campaign of another one (its lead): each adds and runs its own events in it.
export const campaignPartners = pgTable(
  "campaign_partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    joinedBy: uuid("joined_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("campaign_partners_campaign_org_key").on(t.campaignId, t.orgId), index("campaign_partners_org_idx").on(t.orgId)],
);

// A link that lets an owner of another organisation make it a partner of the campaign: one use, 7 days.
export const partnerInvitations = pgTable(
  "partner_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    // SHA-256 of the link's token; the token itself exists only in the link.
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedOrgId: uuid("accepted_org_id").references(() => organisations.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("partner_invitations_token_hash_key").on(t.tokenHash), index("partner_invitations_campaign_idx").on(t.campaignId)],
);

export const signups = pgTable(
  "signups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    // Name, email, phone and comment, sealed together with the event's data key (lib/signups/personal.ts):
    // null once erased (by the supporter, by retention or by an organizer).
    personal: text("personal"),
    // The blind index of the normalised email for this event (lib/crypto/keys.ts `addressIndex`): one sign-up
    // per event and address without the address itself. Null for a walk-in without one, and once erased.
    emailHash: text("email_hash"),
    role: text("role"),
    consentToContact: boolean("consent_to_contact").notNull().default(false),
    status: signupStatus("status").notNull(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    checkedInBy: uuid("checked_in_by").references(() => users.id, { onDelete: "set null" }),
    // Added at the door by a coordinator: counts as checked in, has no private link.
    walkIn: boolean("walk_in").notNull().default(false),
    // Confirmed at the door beyond the capacity (a walk-in, or someone from the waitlist who came): counted apart,
    // never in the event's confirmed_count, so the places promised to sign-ups stay as many as the capacity.
    outsideCapacity: boolean("outside_capacity").notNull().default(false),
    // SHA-256 of the private link's token; the token exists only in the email that carried the link, which is
    // made when that email is sent. A new link replaces the hash, and with it the old link.
    manageTokenHash: text("manage_token_hash"),
    // When the private link was last emailed after a repeated sign-up (at most once an hour).
    linkResentAt: timestamp("link_resent_at", { withTimezone: true }),
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
  },
  (t) => [
    // One sign-up per event and normalised email.
    uniqueIndex("signups_event_email_key").on(t.eventId, t.emailHash),
    uniqueIndex("signups_manage_token_key").on(t.manageTokenHash),
    index("signups_event_status_created_idx").on(t.eventId, t.status, t.createdAt),
    index("signups_event_created_idx").on(t.eventId, t.createdAt, t.id),
    check("signups_erased_empty", sql`${t.erasedAt} is null or (${t.personal} is null and ${t.emailHash} is null)`),
    check("signups_outside_capacity_confirmed", sql`not ${t.outsideCapacity} or ${t.status} <> 'waitlisted'`),
  ],
);

// A long action split into shifts (a 24-hour vigil, a picket from 8 to 18): each shift has its own places and
// its own waitlist line; the event's own capacity is then empty and its counters count sign-ups, not places.
// Every change to a shift's places is made under its event's row lock, as for the event's own.
export const eventShifts = pgTable(
  "event_shifts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // What the organizers call it, if anything ("night shift"); the times name it otherwise.
    label: text("label").notNull().default(""),
    capacity: integer("capacity"),
    confirmedCount: integer("confirmed_count").notNull().default(0),
    waitlistedCount: integer("waitlisted_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("event_shifts_event_starts_idx").on(t.eventId, t.startsAt),
    check("event_shifts_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("event_shifts_capacity_positive", sql`${t.capacity} is null or ${t.capacity} > 0`),
    check("event_shifts_confirmed_within_capacity", sql`${t.capacity} is null or ${t.confirmedCount} <= ${t.capacity}`),
    check("event_shifts_counts_non_negative", sql`${t.confirmedCount} >= 0 and ${t.waitlistedCount} >= 0`),
  ],
);

// A sign-up's place in one shift. requested: the sign-up waits for approval and holds no place yet.
export const signupShiftStatus = pgEnum("signup_shift_status", ["confirmed", "waitlisted", "requested", "cancelled"]);
export const signupShifts = pgTable(
  "signup_shifts",
  {
    signupId: uuid("signup_id")
      .notNull()
      .references(() => signups.id, { onDelete: "cascade" }),
    shiftId: uuid("shift_id")
      .notNull()
      .references(() => eventShifts.id),
    status: signupShiftStatus("status").notNull(),
    // The place in the shift's waitlist line: first come, first served; taking a dropped shift again starts anew.
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.signupId, t.shiftId] }), index("signup_shifts_shift_status_idx").on(t.shiftId, t.status, t.queuedAt)],
);

// The keys personal data is encrypted with (lib/crypto/keys.ts), each sealed under the master key, which never
// enters the database. One key per event for its sign-ups and the messages about them: erasing the event's
// personal data deletes its key, and with it what any copy of the rows held. One per organisation for its other
// messages (invitations), and one for the blind index of sign-up addresses.
export const dataKeyPurpose = pgEnum("data_key_purpose", ["event", "organisation", "blind_index", "accounts"]);
export const dataKeys = pgTable(
  "data_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: dataKeyPurpose("purpose").notNull(),
    orgId: uuid("org_id").references(() => organisations.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    // The fingerprint of the master key it is sealed under (lib/crypto/master.ts).
    masterKeyId: text("master_key_id").notNull(),
    wrapped: text("wrapped").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("data_keys_event_key").on(t.eventId),
    uniqueIndex("data_keys_organisation_key")
      .on(t.orgId)
      .where(sql`${t.purpose} = 'organisation'`),
    uniqueIndex("data_keys_blind_index_key")
      .on(t.purpose)
      .where(sql`${t.purpose} = 'blind_index'`),
    index("data_keys_master_idx").on(t.masterKeyId),
    // Written without naming 'accounts', which a migration cannot use in the transaction that adds it.
    check(
      "data_keys_owner",
      sql`(${t.purpose} = 'event') = (${t.eventId} is not null) and (${t.purpose} in ('event', 'organisation')) = (${t.orgId} is not null)`,
    ),
  ],
);

// Who looked at or took personal data, and who erased it: every export, printed sheet and early erasure.
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    // e.g. "export.csv", "export.sheet", "signups.erase"
    action: text("action").notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    details: jsonb("details")
      .notNull()
      .default(sql`'{}'::jsonb`),
    rowCount: integer("row_count").notNull().default(0),
    // The form's own key when a change must happen once however often its form is sent (a message to attendees):
    // the same key again finds this row instead of changing anything.
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_org_created_idx").on(t.orgId, t.createdAt),
    uniqueIndex("audit_log_idempotency_key")
      .on(t.orgId, t.action, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);

// What a coordinator (or an organizer, beyond the campaigns they made) is given: a whole campaign, one event, or
// every event in one city. Owners see everything; without a scope a coordinator sees no attendee at all.
export const scopeKind = pgEnum("scope_kind", ["campaign", "event", "city"]);
export const memberScopes = pgTable(
  "member_scopes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id").notNull(),
    kind: scopeKind("kind").notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    // A city scope: the events whose country and city (compared case and accents aside by the app) are these.
    country: text("country"),
    city: text("city"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    // Leaving the organisation (or a changed membership row deleted) takes the scopes with it.
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId], name: "member_scopes_membership_fk" }).onDelete(
      "cascade",
    ),
    index("member_scopes_member_idx").on(t.orgId, t.userId),
    uniqueIndex("member_scopes_campaign_key")
      .on(t.orgId, t.userId, t.campaignId)
      .where(sql`${t.kind} = 'campaign'`),
    uniqueIndex("member_scopes_event_key")
      .on(t.orgId, t.userId, t.eventId)
      .where(sql`${t.kind} = 'event'`),
    uniqueIndex("member_scopes_city_key")
      .on(t.orgId, t.userId, t.country, t.city)
      .where(sql`${t.kind} = 'city'`),
    check(
      "member_scopes_shape",
      // Joined rather than wrapped: drizzle-kit compares this text with the migrations' snapshots.
      sql.join(
        [
          sql`(${t.kind} = 'campaign') = (${t.campaignId} is not null)`,
          sql`(${t.kind} = 'event') = (${t.eventId} is not null)`,
          sql`(${t.kind} = 'city') = (${t.city} is not null and ${t.country} is not null)`,
        ],
        sql` and `,
      ),
    ),
  ],
);

// Every look at personal data: a page of a list, a search, a check-in list, an API read, an export, a printed sheet.
// Repeated reads of the same page by the same member within a minute are merged into one row (times, last_at).
// host: an event's host, from their private link, read its attendees' names (no member: actor_id is empty).
// webhook: an owner's opted-in webhook was given new sign-ups' details (no member: actor_id is empty).
export const accessKind = pgEnum("access_kind", ["list", "search", "check_in", "api", "export", "sheet", "mailbox", "host", "webhook"]);
export const accessRecords = pgTable(
  "access_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: accessKind("kind").notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    // Which page (list, filters, page number) was read: equal keys within a minute are one record.
    pageKey: text("page_key").notNull().default(""),
    rowCount: integer("row_count").notNull().default(0),
    times: integer("times").notNull().default(1),
    createdAt: createdAt(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("access_records_org_created_idx").on(t.orgId, t.createdAt),
    index("access_records_actor_idx").on(t.orgId, t.actorId, t.createdAt),
    index("access_records_event_idx").on(t.eventId, t.createdAt),
    index("access_records_campaign_idx").on(t.campaignId, t.createdAt),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// The article library of an organisation: the reports that explain its campaigns.
export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    title: text("title").notNull(),
    publication: text("publication").notNull().default(""),
    author: text("author").notNull().default(""),
    publishedOn: date("published_on", { mode: "string" }),
    // BCP 47 tag such as "en" or "ru"; empty when unknown.
    language: text("language").notNull().default(""),
    excerpt: text("excerpt").notNull().default(""),
    // Optional in-house text, Markdown (sanitised when shown).
    body: text("body").notNull().default(""),
    // The 'simple' configuration: no stemming, so Russian and English words are found alike.
    searchVector: tsvector("search_vector")
      .notNull()
      // Joined rather than wrapped: drizzle-kit compares this text with the migrations' snapshots.
      .generatedAlwaysAs((): SQL =>
        sql.raw(
          "setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') || " +
            "setweight(to_tsvector('simple'::regconfig, coalesce(excerpt, '')), 'B') || " +
            "setweight(to_tsvector('simple'::regconfig, coalesce(body, '')), 'C')",
        ),
      ),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("articles_org_url_key").on(t.orgId, t.url),
    index("articles_search_idx").using("gin", t.searchVector),
    index("articles_org_published_idx").on(t.orgId, t.publishedOn),
  ],
);

// An article linked to a campaign or to an event (exactly one), in the organizer's order.
export const articleLinks = pgTable(
  "article_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    // Lower first; unset ones follow, newest article first.
    position: integer("position"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("article_links_campaign_key").on(t.articleId, t.campaignId),
    uniqueIndex("article_links_event_key").on(t.articleId, t.eventId),
    index("article_links_campaign_idx").on(t.campaignId),
    index("article_links_event_idx").on(t.eventId),
    check("article_links_one_target", sql`num_nonnulls(${t.campaignId}, ${t.eventId}) = 1`),
    check("article_links_position", sql`${t.position} is null or ${t.position} between 0 and 10000`),
  ],
);

export const defendantStatus = pgEnum("defendant_status", ["detained", "on_trial", "sentenced", "released", "acquitted"]);
export const caseUpdateKind = pgEnum("case_update_kind", ["update", "verdict"]);

// A trial watch follows one or more court cases.
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    court: text("court").notNull().default(""),
    caseNumber: text("case_number").notNull().default(""),
    charges: text("charges").notNull().default(""),
    summary: text("summary").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cases_campaign_idx").on(t.campaignId)],
);

export const defendants = pgTable(
  "defendants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    // Full name or initials: the organizers choose, for the defendant's safety.
    name: text("name").notNull(),
    status: defendantStatus("status").notNull().default("on_trial"),
    sentence: text("sentence").notNull().default(""),
    notes: text("notes").notNull().default(""),
    // Internal unless an organizer decides to show them.
    isPublic: boolean("is_public").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("defendants_case_idx").on(t.caseId)],
);

// Dated posts of a trial watch: news, sentences, releases. Public or internal.
export const caseUpdates = pgTable(
  "case_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    kind: caseUpdateKind("kind").notNull().default("update"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    postedAt: timestamp("posted_at", { withTimezone: true }).notNull().defaultNow(),
    isPublic: boolean("is_public").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_updates_campaign_posted_idx").on(t.campaignId, t.postedAt)],
);

export const mailKind = pgEnum("mail_kind", [
  "signup_confirmed",
  "signup_waitlisted",
  "signup_promoted",
  "signup_link",
  "signup_requested",
  "signup_approved",
  "signup_declined",
  "place_revealed",
  "event_changed",
  "event_cancelled",
  "event_reminder",
  "invitation",
  "attendee_message",
  "account_registration",
  "account_reset",
  "proposal_confirm",
  "proposal_approved",
  "proposal_declined",
]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "sent", "failed", "held"]);

// Every email, written in the same transaction as the change that causes it; a worker delivers it.
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Empty for messages to a person about their account (registration, password reset), sealed with the accounts key.
    orgId: uuid("org_id").references(() => organisations.id, { onDelete: "cascade" }),
    kind: mailKind("kind").notNull(),
    locale: text("locale").notNull().default("en"),
    // Recipient and subject, sealed with the event's data key (the organisation's for a message about no
    // event; lib/mail/sealed-mail.ts): kept for the mailbox until the record is forgotten.
    envelope: text("envelope").notNull(),
    // Text, HTML and attachments, sealed the same way: emptied once sent.
    content: text("content"),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    // A supporter's erasure deletes the messages to them.
    signupId: uuid("signup_id").references(() => signups.id, { onDelete: "cascade" }),
    // A message to the host of a proposed event: erasing the proposal deletes it.
    proposalId: uuid("proposal_id").references((): AnyPgColumn => eventProposals.id, { onDelete: "cascade" }),
    // Makes a message that must exist once (a reminder) exist once, however many workers queue it.
    dedupeKey: text("dedupe_key"),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // A claimed message is the claiming worker's until then; after, another may take it over.
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key").on(t.dedupeKey),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_org_created_idx").on(t.orgId, t.createdAt),
    index("outbox_signup_idx").on(t.signupId),
    check("outbox_attempts_non_negative", sql`${t.attempts} >= 0`),
  ],
);

// unconfirmed: the host has not yet followed the link sent to their address (erased after a day); pending: confirmed,
// waiting for an organizer; approved: the event exists (event_id); declined: refused, with the organizer's note.
export const proposalStatus = pgEnum("proposal_status", ["unconfirmed", "pending", "approved", "declined"]);

/**
 * An event a supporter without an account proposes to host under a campaign that accepts proposals. It is no event
 * until an organizer approves it: nothing of it is public before. The host's name and address are sealed together
 * with the organisation's data key (lib/hosts/host.ts) and erased as soon as they are not needed: at once when
 * declined, when the event ends once approved. The host's private link is kept as its hash only.
 */
export const eventProposals = pgTable(
  "event_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    status: proposalStatus("status").notNull().default("unconfirmed"),
    title: text("title").notNull(),
    kind: eventKind("kind").notNull(),
    description: text("description").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    venue: text("venue").notNull().default(""),
    address: text("address").notNull().default(""),
    city: text("city").notNull().default(""),
    country: text("country").notNull(),
    // The host's name and email, sealed (lib/hosts/host.ts); null once erased.
    host: text("host"),
    // SHA-256 of the host's private link (/h/{token}); the token exists only in the email that carried it.
    hostTokenHash: text("host_token_hash"),
    // The language the host wrote in: their messages and page are in it.
    locale: text("locale").notNull().default("en"),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    // The organizer's note to the host when declining (it is in the message the host gets).
    decisionNote: text("decision_note"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("event_proposals_host_token_key").on(t.hostTokenHash),
    index("event_proposals_campaign_status_idx").on(t.campaignId, t.status, t.createdAt),
    uniqueIndex("event_proposals_event_key").on(t.eventId),
    check("event_proposals_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("event_proposals_country_code", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("event_proposals_erased_unlinked", sql`${t.host} is not null or ${t.hostTokenHash} is null`),
  ],
);

export type EventProposal = typeof eventProposals.$inferSelect;
export type ProposalStatus = (typeof proposalStatus.enumValues)[number];

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export const campaignsRelations = relations(campaigns, ({ one, many }) => ({
  organisation: one(organisations, { fields: [campaigns.orgId], references: [organisations.id] }),
  events: many(events),
}));
export const eventsRelations = relations(events, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [events.campaignId], references: [campaigns.id] }),
  signups: many(signups),
}));
export const signupsRelations = relations(signups, ({ one }) => ({
  event: one(events, { fields: [signups.eventId], references: [events.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;
export type OrgRole = (typeof orgRole.enumValues)[number];
export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type Signup = typeof signups.$inferSelect;
export type NewSignup = typeof signups.$inferInsert;
export type CampaignKind = (typeof campaignKind.enumValues)[number];
export type CampaignStatus = (typeof campaignStatus.enumValues)[number];
export type EventKind = (typeof eventKind.enumValues)[number];
export type EventStatus = (typeof eventStatus.enumValues)[number];
export type SignupStatus = (typeof signupStatus.enumValues)[number];
export type EventShift = typeof eventShifts.$inferSelect;
export type SignupShift = typeof signupShifts.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type RateLimit = typeof rateLimits.$inferSelect;
export type MemberScope = typeof memberScopes.$inferSelect;
export type NewMemberScope = typeof memberScopes.$inferInsert;
export type ScopeKind = (typeof scopeKind.enumValues)[number];
export type AccessRecord = typeof accessRecords.$inferSelect;
export type AccessKind = (typeof accessKind.enumValues)[number];
export type NewAuditEntry = typeof auditLog.$inferInsert;

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type ArticleLink = typeof articleLinks.$inferSelect;
export type Case = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type Defendant = typeof defendants.$inferSelect;
export type DefendantStatus = (typeof defendantStatus.enumValues)[number];
export type CaseUpdate = typeof caseUpdates.$inferSelect;
export type CaseUpdateKind = (typeof caseUpdateKind.enumValues)[number];
export type OutboxMessage = typeof outbox.$inferSelect;
export type NewOutboxMessage = typeof outbox.$inferInsert;
export type MailKind = (typeof mailKind.enumValues)[number];
export type AccountSession = typeof accountSessions.$inferSelect;
export type SecondFactor = typeof secondFactors.$inferSelect;

/** An organizer's translation of a campaign's text into one language; readers of that language get it, others the original. */
export const campaignTranslations = pgTable(
  "campaign_translations",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.locale] }), check("campaign_translations_locale", sql`${t.locale} ~ '^[a-z]{2}$'`)],
);

/** An organizer's translation of an event's title and description into one language. */
export const eventTranslations = pgTable(
  "event_translations",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.locale] }), check("event_translations_locale", sql`${t.locale} ~ '^[a-z]{2}$'`)],
);

// ---------------------------------------------------------------------------------------------------------------
// Reach beyond the site: the fediverse (lib/federation), webhooks (lib/webhooks), and the deliveries both send.

/** A campaign's ActivityPub key pairs. The private keys are sealed with the master key (lib/crypto); never in clear. */
export const federationKeys = pgTable("federation_keys", {
  campaignId: uuid("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  // JSON: the public JWKs, in the order Fedify's key pairs dispatcher returns them.
  publicKeys: text("public_keys").notNull(),
  // Sealed JSON: the private JWKs.
  privateKeys: text("private_keys").notNull(),
  createdAt: createdAt(),
});

/** A fediverse actor that follows a campaign: where its activities go. Nothing else about the follower is kept. */
export const federationFollowers = pgTable(
  "federation_followers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    actorId: text("actor_id").notNull(),
    inbox: text("inbox").notNull(),
    sharedInbox: text("shared_inbox"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("federation_followers_campaign_actor_key").on(t.campaignId, t.actorId)],
);

/** Fedify's key-value store (cached remote documents, idempotence of received activities). */
export const federationKv = pgTable(
  "federation_kv",
  {
    key: text("key").primaryKey(),
    value: jsonb("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("federation_kv_expires_idx").on(t.expiresAt)],
);

/**
 * What followers were last told of each public object of a campaign (an event, a trial update): its digest, or
 * that it was deleted. The delivery round compares the public pages' own data with it and announces the difference,
 * so every path that changes an event (the form, a postponement, a host, a partner leaving) is announced the same way.
 * No foreign key to the object: a deleted event must still be found here to be announced as deleted.
 */
export const federatedObjects = pgTable(
  "federated_objects",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    objectId: text("object_id").notNull(),
    digest: text("digest").notNull(),
    deleted: boolean("deleted").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.objectId] })],
);

/**
 * An owner's webhook: an HTTPS address that receives signed JSON about one campaign or all of the organisation's.
 * The secret is sealed with the organisation's data key. `personal`: the owner opted into one signed payload per
 * sign-up, with the person's details; otherwise no payload carries personal data.
 */
export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    personal: boolean("personal").notNull().default(false),
    // The sign-ups created up to this instant have been queued (personal webhooks only).
    signupCursor: timestamp("signup_cursor", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [index("webhooks_org_idx").on(t.orgId)],
);

/** What a webhook was last told of an event (its public digest and its counts), like federated_objects. */
export const webhookStates = pgTable(
  "webhook_states",
  {
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").notNull(),
    digest: text("digest").notNull(),
    counts: text("counts").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.webhookId, t.eventId] })],
);

export const deliveryKind = pgEnum("delivery_kind", ["activity", "webhook"]);
export const deliveryStatus = pgEnum("delivery_status", ["pending", "sending", "sent", "failed"]);

/**
 * Every request Picket sends to another server (an activity to a follower's inbox, a webhook's call), written in
 * the same transaction as the state that caused it and delivered by the worker like the mail outbox: claimed with
 * SKIP LOCKED, retried with backoff, marked sent once the other server accepted it. Its rows are the owner's
 * delivery log. A payload with personal data (an opted-in webhook's sign-up) is sealed with the event's data key
 * and emptied once sent.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: deliveryKind("kind").notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    webhookId: uuid("webhook_id").references(() => webhooks.id, { onDelete: "cascade" }),
    // A personal payload: erasing the sign-up deletes it.
    signupId: uuid("signup_id").references(() => signups.id, { onDelete: "cascade" }),
    // The inbox or the webhook's address.
    target: text("target").notNull(),
    // Create, Update, Delete (activities); event.changed, event.cancelled, signups.counted, signup.created (webhooks).
    topic: text("topic").notNull(),
    payload: text("payload"),
    sealed: boolean("sealed").notNull().default(false),
    status: deliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    responseStatus: integer("response_status"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("deliveries_webhook_created_idx").on(t.webhookId, t.createdAt),
    index("deliveries_signup_idx").on(t.signupId),
    check("deliveries_attempts_non_negative", sql`${t.attempts} >= 0`),
  ],
);

export type Webhook = typeof webhooks.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type NewDelivery = typeof deliveries.$inferInsert;
