-- The draw's seed is committed by the database itself, so that no code path can create an event
-- without one, change it, or store a run with another seed (docs/LOTTERY.md, "Commitment").

-- 64 hex characters from two random UUIDs (pg_strong_random: 244 random bits).
CREATE FUNCTION new_draw_seed() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION commit_draw_seed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fresh text := new_draw_seed();
BEGIN
  INSERT INTO draw_commitments (event_id, seed, seed_hash) VALUES (NEW.id, fresh, encode(sha256(convert_to(fresh, 'UTF8')), 'hex'));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_commit_draw_seed AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION commit_draw_seed();
--> statement-breakpoint
-- A commitment never changes; it goes only with its event (ON DELETE CASCADE, when the event row is gone).
CREATE FUNCTION keep_draw_commitment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM events WHERE id = OLD.event_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the draw commitment of event % cannot be changed or removed', OLD.event_id
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER draw_commitments_fixed BEFORE UPDATE OR DELETE ON draw_commitments FOR EACH ROW EXECUTE FUNCTION keep_draw_commitment();
--> statement-breakpoint
-- Runs are the public record: a new one uses the committed seed; once stored, a run changes only
-- by being published (once) or losing its runner's account; it goes only with its event.
CREATE FUNCTION keep_draw_run() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.seed IS DISTINCT FROM (SELECT seed FROM draw_commitments WHERE event_id = NEW.event_id) THEN
      RAISE EXCEPTION 'a draw of event % must use its committed seed', NEW.event_id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM events WHERE id = OLD.event_id) THEN
      RETURN OLD;
    END IF;
  ELSIF (NEW.event_id, NEW.seed, NEW.algorithm, NEW.input_hash, NEW.result_hash, NEW.stats, NEW.result, NEW.created_at)
      IS NOT DISTINCT FROM (OLD.event_id, OLD.seed, OLD.algorithm, OLD.input_hash, OLD.result_hash, OLD.stats, OLD.result, OLD.created_at)
    AND (OLD.published_at IS NULL OR NEW.published_at IS NOT DISTINCT FROM OLD.published_at)
    AND (NEW.run_by IS NULL OR NEW.run_by IS NOT DISTINCT FROM OLD.run_by) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'draw run % cannot be changed or removed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER draws_kept BEFORE INSERT OR UPDATE OR DELETE ON draws FOR EACH ROW EXECUTE FUNCTION keep_draw_run();
--> statement-breakpoint
-- Events made before commitments existed. An event whose draw is already published keeps none
-- (its page says the seed was not committed in advance). Every other event gets a seed now; it
-- counts as committed in advance only if no entry existed yet, since earlier entrants were known.
WITH fresh AS (
  SELECT e.id, new_draw_seed() AS seed, NOT EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = e.id) AS in_advance
  FROM events e
  WHERE NOT EXISTS (SELECT 1 FROM draws d WHERE d.event_id = e.id AND d.published_at IS NOT NULL)
)
INSERT INTO draw_commitments (event_id, seed, seed_hash, in_advance)
SELECT id, seed, encode(sha256(convert_to(seed, 'UTF8')), 'hex'), in_advance FROM fresh;
