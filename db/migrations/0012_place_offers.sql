CREATE TYPE "public"."offer_status" AS ENUM('open', 'accepted', 'declined', 'expired');--> statement-breakpoint
CREATE TABLE "place_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"status" "offer_status" DEFAULT 'open' NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "place_offers" ADD CONSTRAINT "place_offers_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_offers" ADD CONSTRAINT "place_offers_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "place_offers_open_uq" ON "place_offers" USING btree ("registration_id","session_id") WHERE "place_offers"."status" = 'open';--> statement-breakpoint
CREATE INDEX "place_offers_session_idx" ON "place_offers" USING btree ("session_id","status");