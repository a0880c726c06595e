-- registerCar (db/registrations/writes.ts) as one pgbench transaction, statement for statement and
-- round trip for round trip: in one transaction the six reads sent together (the idempotency
-- look-up, the event, the car FOR SHARE, the sessions, the event's questions, the driver's experience; a pipeline, as
-- postgres.js sends them), the registration (the bench event asks no questions, so no answers are
-- inserted, as in the app), two mail jobs, the session row locked FOR UPDATE, the confirmed count, the
-- place. Prepared statements (-M prepared), as postgres.js uses. Variables from bench/pgbench.ts:
-- -D event=<uuid> -D sid=<uuid>. The car is left NULL (every bench car is already registered by
-- the HTTP burst) and the jobs use a task no worker runs, so pgbench measures the transaction alone.
\set c random(1, 1000)
\set k random(1, 9000000000000000000)
BEGIN;
\startpipeline
SELECT id, owner_id FROM registrations WHERE idempotency_key = concat('pgb-', :k::text);
SELECT * FROM events WHERE id = :event::uuid;
SELECT * FROM cars WHERE owner_id = concat('bench-owner-', lpad(:c::text, 4, '0')) FOR SHARE;
SELECT * FROM event_sessions WHERE id = :sid::uuid AND event_id = :event::uuid;
SELECT id, text, kind, choices, required FROM event_questions WHERE event_id = :event::uuid ORDER BY position;
SELECT experience FROM users WHERE id = concat('bench-owner-', lpad(:c::text, 4, '0'));
\endpipeline
INSERT INTO registrations (event_id, car_id, owner_id, idempotency_key, driver_details)
  VALUES (:event::uuid, NULL, concat('bench-owner-', lpad(:c::text, 4, '0')), concat('pgb-', :k::text),
    (SELECT jsonb_build_object('licenceNumber', u.licence_number, 'licenceCountry', u.licence_country,
      'licenceValidUntil', u.licence_valid_until::text, 'emergencyName', u.emergency_name, 'emergencyPhone', u.emergency_phone,
      'experience', u.experience::text) FROM users u WHERE u.id = concat('bench-owner-', lpad(:c::text, 4, '0'))))
  ON CONFLICT DO NOTHING RETURNING id AS reg_id \gset
\startpipeline
SELECT graphile_worker.add_job('bench_mail', json_build_object('kind', 'registrationReceived', 'registrationId', :reg_id::text), run_at := now(), max_attempts := 10, job_key := NULL);
SELECT graphile_worker.add_job('bench_mail', json_build_object('kind', 'reminder', 'registrationId', :reg_id::text), run_at := now() + interval '30 days', max_attempts := 10, job_key := concat('reminder:', :reg_id::text));
\endpipeline
SELECT id, capacity FROM event_sessions WHERE id = :sid::uuid ORDER BY id FOR UPDATE \gset s_
SELECT count(*)::int AS confirmed FROM registration_sessions WHERE session_id = :sid::uuid AND status = 'confirmed' \gset
INSERT INTO registration_sessions (registration_id, session_id, status, wait_seq)
  VALUES (:reg_id::uuid, :sid::uuid, CASE WHEN :confirmed::int < :s_capacity::int THEN 'confirmed' ELSE 'waiting' END::place_status,
          CASE WHEN :confirmed::int < :s_capacity::int THEN NULL ELSE nextval('registration_wait_seq') END);
COMMIT;
