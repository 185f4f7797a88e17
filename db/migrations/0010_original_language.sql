ALTER TABLE "campaigns" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_language" CHECK ("campaigns"."language" ~ '^[a-z]{2}$');--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_language" CHECK ("events"."language" ~ '^[a-z]{2}$');