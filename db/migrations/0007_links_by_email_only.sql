ALTER TABLE "campaigns" ADD COLUMN "signup_origins" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "signups" DROP COLUMN "manage_token_sealed";