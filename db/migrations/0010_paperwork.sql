CREATE TYPE "public"."experience_level" AS ENUM('first_time', 'track_days', 'nordschleife');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('text', 'choice', 'yes_no', 'number');--> statement-breakpoint
CREATE TYPE "public"."signer_role" AS ENUM('driver', 'second_driver');--> statement-breakpoint
CREATE TABLE "event_paperwork" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"require_licence" boolean DEFAULT false NOT NULL,
	"require_emergency_contact" boolean DEFAULT false NOT NULL,
	"require_experience" boolean DEFAULT false NOT NULL,
	"noise_limit_db" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"kind" "question_kind" NOT NULL,
	"choices" text[] DEFAULT '{}'::text[] NOT NULL,
	"required" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_answers" (
	"registration_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "registration_answers_registration_id_question_id_pk" PRIMARY KEY("registration_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "waiver_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "waiver_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"waiver_version_id" uuid NOT NULL,
	"signer" "signer_role" NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"signature" text,
	"text_sha256" text NOT NULL,
	"language" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	CONSTRAINT "waiver_signatures_png_ck" CHECK ("waiver_signatures"."signature" is null or "waiver_signatures"."signature" ~ '^data:image/png.base64,[A-Za-z0-9+/=]+$')
);
--> statement-breakpoint
CREATE TABLE "waiver_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text_en" text NOT NULL,
	"text_de" text NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waiver_versions_event_version_uq" UNIQUE("event_id","version")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "licence_number" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "licence_country" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "licence_valid_until" date;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "emergency_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "emergency_phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "experience" "experience_level";--> statement-breakpoint
ALTER TABLE "clubs" ADD COLUMN "waiver_retention_years" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD COLUMN "experience_levels" "experience_level"[] DEFAULT '{}'::experience_level[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cars" ADD COLUMN "noise_db" integer;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "driver_details" jsonb;--> statement-breakpoint
ALTER TABLE "event_paperwork" ADD CONSTRAINT "event_paperwork_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_questions" ADD CONSTRAINT "event_questions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_answers" ADD CONSTRAINT "registration_answers_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_answers" ADD CONSTRAINT "registration_answers_question_id_event_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."event_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiver_links" ADD CONSTRAINT "waiver_links_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiver_signatures" ADD CONSTRAINT "waiver_signatures_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiver_signatures" ADD CONSTRAINT "waiver_signatures_waiver_version_id_waiver_versions_id_fk" FOREIGN KEY ("waiver_version_id") REFERENCES "public"."waiver_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiver_versions" ADD CONSTRAINT "waiver_versions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_questions_event_idx" ON "event_questions" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "waiver_signatures_registration_idx" ON "waiver_signatures" USING btree ("registration_id","signer");--> statement-breakpoint
-- A signed waiver is the club's record for its insurer: never changed; removed only with its
-- registration (the event's removal) or once its retention period is over (the event's last day
-- plus the club's waiver_retention_years), which the database checks itself, so no code path can
-- remove one early.
CREATE FUNCTION keep_waiver_signature() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND (
    NOT EXISTS (SELECT 1 FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.id = OLD.registration_id)
    OR EXISTS (
      SELECT 1 FROM registrations r JOIN events e ON e.id = r.event_id JOIN clubs c ON c.id = e.club_id
      WHERE r.id = OLD.registration_id AND e.ends_on + make_interval(years => c.waiver_retention_years) < current_date)
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'signed waiver % cannot be changed or removed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER waiver_signatures_kept BEFORE UPDATE OR DELETE ON waiver_signatures FOR EACH ROW EXECUTE FUNCTION keep_waiver_signature();
--> statement-breakpoint
-- A waiver's text in force at a version never changes (signatures name it); it goes with its event.
CREATE FUNCTION keep_waiver_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM events WHERE id = OLD.event_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'waiver version % cannot be changed or removed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER waiver_versions_kept BEFORE UPDATE OR DELETE ON waiver_versions FOR EACH ROW EXECUTE FUNCTION keep_waiver_version();
