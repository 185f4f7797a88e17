CREATE TYPE "public"."access_kind" AS ENUM('list', 'search', 'check_in', 'api', 'export', 'sheet', 'mailbox');--> statement-breakpoint
CREATE TYPE "public"."scope_kind" AS ENUM('campaign', 'event', 'city');--> statement-breakpoint
CREATE TABLE "access_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" "access_kind" NOT NULL,
	"campaign_id" uuid,
	"event_id" uuid,
	"page_key" text DEFAULT '' NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"times" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_scopes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "scope_kind" NOT NULL,
	"campaign_id" uuid,
	"event_id" uuid,
	"country" text,
	"city" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_scopes_shape" CHECK (("member_scopes"."kind" = 'campaign') = ("member_scopes"."campaign_id" is not null) and ("member_scopes"."kind" = 'event') = ("member_scopes"."event_id" is not null) and ("member_scopes"."kind" = 'city') = ("member_scopes"."city" is not null and "member_scopes"."country" is not null))
);
--> statement-breakpoint
-- Hand edit: the counters change shape; what they counted is forgotten (at most a few minutes of limits).
DELETE FROM "rate_limits";--> statement-breakpoint
DROP INDEX "rate_limits_window_end_idx";--> statement-breakpoint
ALTER TABLE "rate_limits" DROP CONSTRAINT "rate_limits_key_window_start_pk";--> statement-breakpoint
ALTER TABLE "rate_limits" ADD PRIMARY KEY ("key");--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "window_seconds" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "current_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "previous_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "expires_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "access_records" ADD CONSTRAINT "access_records_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_records" ADD CONSTRAINT "access_records_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_records" ADD CONSTRAINT "access_records_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_records" ADD CONSTRAINT "access_records_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_scopes" ADD CONSTRAINT "member_scopes_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_scopes" ADD CONSTRAINT "member_scopes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_scopes" ADD CONSTRAINT "member_scopes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_scopes" ADD CONSTRAINT "member_scopes_membership_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_records_org_created_idx" ON "access_records" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "access_records_actor_idx" ON "access_records" USING btree ("org_id","actor_id","created_at");--> statement-breakpoint
CREATE INDEX "access_records_event_idx" ON "access_records" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "access_records_campaign_idx" ON "access_records" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "member_scopes_member_idx" ON "member_scopes" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_scopes_campaign_key" ON "member_scopes" USING btree ("org_id","user_id","campaign_id") WHERE "member_scopes"."kind" = 'campaign';--> statement-breakpoint
CREATE UNIQUE INDEX "member_scopes_event_key" ON "member_scopes" USING btree ("org_id","user_id","event_id") WHERE "member_scopes"."kind" = 'event';--> statement-breakpoint
CREATE UNIQUE INDEX "member_scopes_city_key" ON "member_scopes" USING btree ("org_id","user_id","country","city") WHERE "member_scopes"."kind" = 'city';--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limits_expires_idx" ON "rate_limits" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "signup_window_start";--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "signup_window_count";--> statement-breakpoint
ALTER TABLE "rate_limits" DROP COLUMN "window_end";--> statement-breakpoint
ALTER TABLE "rate_limits" DROP COLUMN "count";--> statement-breakpoint
ALTER TABLE "rate_limits" ADD CONSTRAINT "rate_limits_window_positive" CHECK ("rate_limits"."window_seconds" > 0);--> statement-breakpoint
-- Hand edit: organizers and coordinators keep what they saw before scopes existed (every campaign of their
-- organisation), so nobody is locked out of a list on the day of an upgrade; owners then narrow it on the members page.
INSERT INTO "member_scopes" ("org_id", "user_id", "kind", "campaign_id")
SELECT m."org_id", m."user_id", 'campaign', c."id"
FROM "memberships" m JOIN "campaigns" c ON c."org_id" = m."org_id"
WHERE m."role" <> 'owner';
