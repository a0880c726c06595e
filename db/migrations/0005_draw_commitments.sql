CREATE TABLE "draw_commitments" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"seed" text NOT NULL,
	"seed_hash" text NOT NULL,
	"in_advance" boolean DEFAULT true NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draw_commitments_seed_hash_ck" CHECK ("draw_commitments"."seed_hash" = encode(sha256(convert_to("draw_commitments"."seed", 'UTF8')), 'hex'))
);
--> statement-breakpoint
ALTER TABLE "draw_commitments" ADD CONSTRAINT "draw_commitments_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;