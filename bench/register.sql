-- registerCar (db/registration-writes.ts) as one pgbench transaction, statement for statement:
-- the idempotency look-up, then in one transaction the event, the car (FOR SHARE), the sessions,
-- the registration, two mail jobs, the session row locked FOR UPDATE, the confirmed count, the
-- place. Variables from bench/pgbench.ts: -D event=<uuid> -D sid=<uuid>. The car is left NULL
-- (every bench car is already registered by the HTTP burst) and the jobs use a task no worker
-- runs, so pgbench measures the transaction alone.
\set c random(1, 1000)
\set k random(1, 9000000000000000000)
SELECT id, owner_id FROM registrations WHERE idempotency_key = 'pgb-:k';
BEGIN;
SELECT * FROM events WHERE id = ':event';
SELECT * FROM cars WHERE owner_id = 'bench-owner-' || lpad(':c', 4, '0') FOR SHARE;
SELECT * FROM event_sessions WHERE id IN (':sid') AND event_id = ':event';
INSERT INTO registrations (event_id, car_id, owner_id, idempotency_key)
  VALUES (':event', NULL, 'bench-owner-' || lpad(':c', 4, '0'), 'pgb-:k') ON CONFLICT DO NOTHING RETURNING id AS reg_id \gset
SELECT graphile_worker.add_job('bench_mail', json_build_object('kind', 'registrationReceived', 'registrationId', ':reg_id'), run_at := now(), max_attempts := 10, job_key := NULL);
SELECT graphile_worker.add_job('bench_mail', json_build_object('kind', 'reminder', 'registrationId', ':reg_id'), run_at := now() + interval '30 days', max_attempts := 10, job_key := 'reminder:' || ':reg_id');
SELECT id, capacity FROM event_sessions WHERE id IN (':sid') ORDER BY id FOR UPDATE \gset s_
SELECT count(*)::int AS confirmed FROM registration_sessions WHERE session_id = ':sid' AND status = 'confirmed' \gset
INSERT INTO registration_sessions (registration_id, session_id, status, wait_seq)
  VALUES (':reg_id', ':sid', CASE WHEN :confirmed < :s_capacity THEN 'confirmed' ELSE 'waiting' END::place_status,
          CASE WHEN :confirmed < :s_capacity THEN NULL ELSE nextval('registration_wait_seq') END);
COMMIT;
