ALTER TABLE "draws" ADD COLUMN "input" jsonb;--> statement-breakpoint
-- A run's input is part of its public record: it changes no more than the rest of the run.
CREATE OR REPLACE FUNCTION keep_draw_run() RETURNS trigger LANGUAGE plpgsql AS $$
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
  ELSIF (NEW.event_id, NEW.seed, NEW.algorithm, NEW.input_hash, NEW.result_hash, NEW.stats, NEW.result, NEW.input, NEW.created_at)
      IS NOT DISTINCT FROM (OLD.event_id, OLD.seed, OLD.algorithm, OLD.input_hash, OLD.result_hash, OLD.stats, OLD.result, OLD.input, OLD.created_at)
    AND (OLD.published_at IS NULL OR NEW.published_at IS NOT DISTINCT FROM OLD.published_at)
    AND (NEW.run_by IS NULL OR NEW.run_by IS NOT DISTINCT FROM OLD.run_by) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'draw run % cannot be changed or removed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
END
$$;
