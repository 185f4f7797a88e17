ALTER TABLE "audit_log" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
-- Messages to attendees kept their form's nonce in the details; it moves to its own column.
UPDATE "audit_log" SET "idempotency_key" = "details"->>'nonce', "details" = "details" - 'nonce' WHERE "action" = 'message.send' AND "details" ? 'nonce';--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_idempotency_key" ON "audit_log" USING btree ("org_id","action","idempotency_key") WHERE "audit_log"."idempotency_key" is not null;