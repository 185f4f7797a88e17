ALTER TABLE "events" ADD COLUMN "signup_window_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "signup_window_count" integer DEFAULT 0 NOT NULL;