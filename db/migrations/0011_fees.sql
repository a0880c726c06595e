CREATE TYPE "public"."ledger_kind" AS ENUM('charge', 'credit', 'payment', 'refund');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('bank', 'card', 'manual');--> statement-breakpoint
CREATE TYPE "public"."transfer_rule" AS ENUM('recipient_pays', 'moves_as_paid');--> statement-breakpoint
CREATE TABLE "bank_lines" (
	"club_id" uuid NOT NULL,
	"key" text NOT NULL,
	"import_id" uuid,
	"registration_id" uuid,
	"booked_on" date NOT NULL,
	"cents" integer NOT NULL,
	"name" text,
	"iban" text,
	"remittance" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_fees" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"entry_cents" integer DEFAULT 0 NOT NULL,
	"account_holder" text,
	"iban" text,
	"bic" text,
	"pay_within_days" integer DEFAULT 14 NOT NULL,
	"full_refund_until" date,
	"offer_freed_places" boolean DEFAULT false NOT NULL,
	"offer_hours" integer DEFAULT 24 NOT NULL,
	"transfers_until" timestamp with time zone,
	"transfer_rule" "transfer_rule" DEFAULT 'recipient_pays' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_fees_entry_ck" CHECK ("event_fees"."entry_cents" between 0 and 10000000),
	CONSTRAINT "event_fees_days_ck" CHECK ("event_fees"."pay_within_days" between 1 and 365),
	CONSTRAINT "event_fees_hours_ck" CHECK ("event_fees"."offer_hours" between 1 and 336)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"item" text NOT NULL,
	"cents" integer NOT NULL,
	"method" "payment_method",
	"source_key" text,
	"reason" text,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_source_key_unique" UNIQUE("source_key"),
	CONSTRAINT "ledger_entries_cents_ck" CHECK ("ledger_entries"."cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"club_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipts_club_number_uq" UNIQUE("club_id","number")
);
--> statement-breakpoint
CREATE TABLE "statement_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"lines" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "clubs" ADD COLUMN "last_receipt_number" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD COLUMN "price_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "payment_reference" text;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_import_id_statement_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."statement_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_fees" ADD CONSTRAINT "event_fees_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_imports" ADD CONSTRAINT "statement_imports_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_imports" ADD CONSTRAINT "statement_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_lines_club_key_uq" ON "bank_lines" USING btree ("club_id","key");--> statement-breakpoint
CREATE INDEX "ledger_entries_registration_idx" ON "ledger_entries" USING btree ("registration_id","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_event_idx" ON "ledger_entries" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_payment_reference_unique" UNIQUE("payment_reference");--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_price_ck" CHECK ("event_sessions"."price_cents" between 0 and 10000000);--> statement-breakpoint
-- The ledger is append-only: a row is never changed, and removed only with its registration's event.
CREATE FUNCTION keep_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM events WHERE id = OLD.event_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ledger entry % cannot be changed or removed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_kept BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION keep_ledger_entry();
