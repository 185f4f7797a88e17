CREATE TYPE "public"."signup_shift_status" AS ENUM('confirmed', 'waitlisted', 'requested', 'cancelled');--> statement-breakpoint
CREATE TABLE "event_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"waitlisted_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_shifts_ends_after_start" CHECK ("event_shifts"."ends_at" > "event_shifts"."starts_at"),
	CONSTRAINT "event_shifts_capacity_positive" CHECK ("event_shifts"."capacity" is null or "event_shifts"."capacity" > 0),
	CONSTRAINT "event_shifts_confirmed_within_capacity" CHECK ("event_shifts"."capacity" is null or "event_shifts"."confirmed_count" <= "event_shifts"."capacity"),
	CONSTRAINT "event_shifts_counts_non_negative" CHECK ("event_shifts"."confirmed_count" >= 0 and "event_shifts"."waitlisted_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "signup_shifts" (
	"signup_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"status" "signup_shift_status" NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signup_shifts_signup_id_shift_id_pk" PRIMARY KEY("signup_id","shift_id")
);
--> statement-breakpoint
ALTER TABLE "event_shifts" ADD CONSTRAINT "event_shifts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signup_shifts" ADD CONSTRAINT "signup_shifts_signup_id_signups_id_fk" FOREIGN KEY ("signup_id") REFERENCES "public"."signups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signup_shifts" ADD CONSTRAINT "signup_shifts_shift_id_event_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."event_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_shifts_event_starts_idx" ON "event_shifts" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "signup_shifts_shift_status_idx" ON "signup_shifts" USING btree ("shift_id","status","queued_at");--> statement-breakpoint
-- A shift's places left are on its event's public page.
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON event_shifts
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('e:event_id');