CREATE TYPE "public"."transfer_status" AS ENUM('open', 'accepted', 'withdrawn');--> statement-breakpoint
CREATE TABLE "place_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"status" "transfer_status" DEFAULT 'open' NOT NULL,
	"new_registration_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "place_transfers_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "place_transfers" ADD CONSTRAINT "place_transfers_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_transfers" ADD CONSTRAINT "place_transfers_new_registration_id_registrations_id_fk" FOREIGN KEY ("new_registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "place_transfers_open_uq" ON "place_transfers" USING btree ("registration_id") WHERE "place_transfers"."status" = 'open';