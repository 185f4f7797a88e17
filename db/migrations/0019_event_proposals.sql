CREATE TYPE "public"."proposal_status" AS ENUM('unconfirmed', 'pending', 'approved', 'declined');--> statement-breakpoint
ALTER TYPE "public"."access_kind" ADD VALUE 'host';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'proposal_confirm';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'proposal_approved';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'proposal_declined';--> statement-breakpoint
CREATE TABLE "event_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"status" "proposal_status" DEFAULT 'unconfirmed' NOT NULL,
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
	"host" text,
	"host_token_hash" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"event_id" uuid,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_proposals_ends_after_start" CHECK ("event_proposals"."ends_at" > "event_proposals"."starts_at"),
	CONSTRAINT "event_proposals_country_code" CHECK ("event_proposals"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "event_proposals_erased_unlinked" CHECK ("event_proposals"."host" is not null or "event_proposals"."host_token_hash" is null)
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "accepts_proposals" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "proposal_id" uuid;--> statement-breakpoint
ALTER TABLE "event_proposals" ADD CONSTRAINT "event_proposals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_proposals" ADD CONSTRAINT "event_proposals_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_proposals" ADD CONSTRAINT "event_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_proposals_host_token_key" ON "event_proposals" USING btree ("host_token_hash");--> statement-breakpoint
CREATE INDEX "event_proposals_campaign_status_idx" ON "event_proposals" USING btree ("campaign_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_proposals_event_key" ON "event_proposals" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_proposal_id_event_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."event_proposals"("id") ON DELETE cascade ON UPDATE no action;