CREATE TABLE "campaign_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"joined_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_org_id" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "host_org_id" uuid;--> statement-breakpoint
UPDATE "events" SET "host_org_id" = "campaigns"."org_id" FROM "campaigns" WHERE "campaigns"."id" = "events"."campaign_id";--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "host_org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_partners" ADD CONSTRAINT "campaign_partners_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_partners" ADD CONSTRAINT "campaign_partners_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_partners" ADD CONSTRAINT "campaign_partners_joined_by_users_id_fk" FOREIGN KEY ("joined_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD CONSTRAINT "partner_invitations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD CONSTRAINT "partner_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD CONSTRAINT "partner_invitations_accepted_org_id_organisations_id_fk" FOREIGN KEY ("accepted_org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_partners_campaign_org_key" ON "campaign_partners" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "campaign_partners_org_idx" ON "campaign_partners" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_invitations_token_hash_key" ON "partner_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "partner_invitations_campaign_idx" ON "partner_invitations" USING btree ("campaign_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_host_org_id_organisations_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_host_org_idx" ON "events" USING btree ("host_org_id");--> statement-breakpoint
CREATE FUNCTION "events_host_org_default"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."host_org_id" IS NULL THEN
    SELECT "org_id" INTO NEW."host_org_id" FROM "campaigns" WHERE "id" = NEW."campaign_id";
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "events_host_org_default" BEFORE INSERT ON "events" FOR EACH ROW EXECUTE FUNCTION "events_host_org_default"();