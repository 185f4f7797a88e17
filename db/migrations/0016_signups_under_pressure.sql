CREATE TYPE "public"."signup_mode" AS ENUM('named', 'pseudonymous', 'headcount');--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'signup_requested' BEFORE 'event_changed';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'signup_approved' BEFORE 'event_changed';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'signup_declined' BEFORE 'event_changed';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'place_revealed' BEFORE 'event_changed';--> statement-breakpoint
ALTER TYPE "public"."signup_status" ADD VALUE 'requested';--> statement-breakpoint
ALTER TYPE "public"."signup_status" ADD VALUE 'declined';--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_counts_non_negative";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "signup_mode" "signup_mode" DEFAULT 'named' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "place_hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "gathering_area" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "place_reveal_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "place_revealed_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "requested_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_place_reveal_minutes" CHECK ("events"."place_reveal_minutes" between 15 and 10080);--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_counts_non_negative" CHECK ("events"."confirmed_count" >= 0 and "events"."waitlisted_count" >= 0 and "events"."requested_count" >= 0);