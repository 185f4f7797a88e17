CREATE TYPE "public"."campaign_kind" AS ENUM('embassy_protest', 'trial_watch', 'solidarity_action', 'appeal');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('protest', 'picket', 'vigil', 'hearing', 'meeting', 'screening', 'online');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('scheduled', 'postponed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."signup_status" AS ENUM('confirmed', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" "campaign_kind" NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"appeal_url" text,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"retention_days" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "campaigns_slug_format" CHECK ("campaigns"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "campaigns_retention_days" CHECK ("campaigns"."retention_days" between 1 and 3650)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" "event_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"online_url" text,
	"capacity" integer,
	"signup_deadline" timestamp with time zone,
	"waitlist" boolean DEFAULT false NOT NULL,
	"status" "event_status" DEFAULT 'scheduled' NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"previous_starts_at" timestamp with time zone,
	"previous_ends_at" timestamp with time zone,
	"change_reason" text,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"waitlisted_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_slug_format" CHECK ("events"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "events_ends_after_start" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_deadline_before_start" CHECK ("events"."signup_deadline" is null or "events"."signup_deadline" <= "events"."starts_at"),
	CONSTRAINT "events_capacity_positive" CHECK ("events"."capacity" is null or "events"."capacity" > 0),
	CONSTRAINT "events_confirmed_within_capacity" CHECK ("events"."capacity" is null or "events"."confirmed_count" <= "events"."capacity"),
	CONSTRAINT "events_counts_non_negative" CHECK ("events"."confirmed_count" >= 0 and "events"."waitlisted_count" >= 0),
	CONSTRAINT "events_country_code" CHECK ("events"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"role" text,
	"comment" text,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"status" "signup_status" NOT NULL,
	"checked_in_at" timestamp with time zone,
	"manage_token_hash" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	CONSTRAINT "signups_email_normalised" CHECK ("signups"."email" is null or "signups"."email" = lower(btrim("signups"."email")))
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_slug_key" ON "campaigns" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "campaigns_org_idx" ON "campaigns" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_campaign_slug_key" ON "events" USING btree ("campaign_id","slug");--> statement-breakpoint
CREATE INDEX "events_starts_at_idx" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signups_event_email_key" ON "signups" USING btree ("event_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "signups_manage_token_key" ON "signups" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "signups_event_status_created_idx" ON "signups" USING btree ("event_id","status","created_at");