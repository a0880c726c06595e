-- Reminders are queued by a five-minute cron now (db/mail/reminders.ts), no longer scheduled as
-- one graphile-worker job per registration: the jobs scheduled before would remind a second time.
-- graphile-worker creates its schema when a worker first starts, so a new database has none yet.
DO $$
BEGIN
  IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN
    DELETE FROM graphile_worker._private_jobs WHERE key LIKE 'reminder:%' AND locked_at IS NULL;
  END IF;
END
$$;
