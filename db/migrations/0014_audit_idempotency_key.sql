ALTER TABLE "audit_log" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
-- Messages to attendees kept their form's nonce in the details; it moves to its own column. A nonce recorded twice
-- in one organisation (possible before, across two events) keeps its key on the earliest row only.
UPDATE "audit_log" SET "idempotency_key" = "details"->>'nonce' WHERE "id" IN (
  SELECT DISTINCT ON ("org_id", "details"->>'nonce') "id" FROM "audit_log"
  WHERE "action" = 'message.send' AND "details" ? 'nonce'
  ORDER BY "org_id", "details"->>'nonce', "created_at", "id"
);--> statement-breakpoint
UPDATE "audit_log" SET "details" = "details" - 'nonce' WHERE "action" = 'message.send' AND "details" ? 'nonce';--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_idempotency_key" ON "audit_log" USING btree ("org_id","action","idempotency_key") WHERE "audit_log"."idempotency_key" is not null;