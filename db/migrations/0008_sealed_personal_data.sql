CREATE TYPE "public"."data_key_purpose" AS ENUM('event', 'organisation', 'blind_index');--> statement-breakpoint
CREATE TABLE "data_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" "data_key_purpose" NOT NULL,
	"org_id" uuid,
	"event_id" uuid,
	"master_key_id" text NOT NULL,
	"wrapped" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_keys_owner" CHECK (("data_keys"."purpose" = 'event') = ("data_keys"."event_id" is not null) and ("data_keys"."purpose" = 'blind_index') = ("data_keys"."org_id" is null))
);
--> statement-breakpoint
ALTER TABLE "signups" DROP CONSTRAINT "signups_email_normalised";--> statement-breakpoint
DROP INDEX "signups_event_email_key";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "data_key_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "envelope" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "content" text;--> statement-breakpoint
ALTER TABLE "signups" ADD COLUMN "personal" text;--> statement-breakpoint
ALTER TABLE "signups" ADD COLUMN "email_hash" text;--> statement-breakpoint
ALTER TABLE "data_keys" ADD CONSTRAINT "data_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_keys" ADD CONSTRAINT "data_keys_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_event_key" ON "data_keys" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_organisation_key" ON "data_keys" USING btree ("org_id") WHERE "data_keys"."purpose" = 'organisation';--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_blind_index_key" ON "data_keys" USING btree ("purpose") WHERE "data_keys"."purpose" = 'blind_index';--> statement-breakpoint
CREATE INDEX "data_keys_master_idx" ON "data_keys" USING btree ("master_key_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_data_key_id_data_keys_id_fk" FOREIGN KEY ("data_key_id") REFERENCES "public"."data_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signups_event_email_key" ON "signups" USING btree ("event_id","email_hash");--> statement-breakpoint
-- Hand-written: the plaintext columns are kept under legacy_ names until db/legacy-plaintext.ts, run by the
-- migrating process right after this file, has sealed their rows, set outbox.envelope NOT NULL and dropped them.
ALTER TABLE "outbox" RENAME COLUMN "to_address" TO "legacy_to_address";--> statement-breakpoint
ALTER TABLE "outbox" RENAME COLUMN "subject" TO "legacy_subject";--> statement-breakpoint
ALTER TABLE "outbox" RENAME COLUMN "text_body" TO "legacy_text_body";--> statement-breakpoint
ALTER TABLE "outbox" RENAME COLUMN "html_body" TO "legacy_html_body";--> statement-breakpoint
ALTER TABLE "outbox" RENAME COLUMN "attachments" TO "legacy_attachments";--> statement-breakpoint
ALTER TABLE "signups" RENAME COLUMN "name" TO "legacy_name";--> statement-breakpoint
ALTER TABLE "signups" RENAME COLUMN "email" TO "legacy_email";--> statement-breakpoint
ALTER TABLE "signups" RENAME COLUMN "phone" TO "legacy_phone";--> statement-breakpoint
ALTER TABLE "signups" RENAME COLUMN "comment" TO "legacy_comment";--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_erased_empty" CHECK ("signups"."erased_at" is null or ("signups"."personal" is null and "signups"."email_hash" is null));