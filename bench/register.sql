-- registerCar (db/registrations/writes.ts and batched.ts) as pgbench runs it, statement for
-- statement and round trip for round trip, with prepared statements (-M prepared) as postgres.js
-- uses them. No transaction of its own: two batches, each one implicit transaction (pgbench ends a
-- pipeline with one Sync, as postgres.js's sql.batch does). First the reads (the idempotency
-- look-up, the event and the car with their xmin, the sessions, the event's questions, the
-- driver's experience) with the attempt counted against the rate limit (db/rate-limit.ts
-- countIn, the upsert of rate-limiter-flexible's Drizzle store, the first statement of the app's
-- read batch, last here). Then the
-- writes: the event and the car locked FOR SHARE and checked unchanged since read (ringmeet_expect;
-- pgbench cannot carry a value read in a pipeline into the next, so each check reads the row's
-- xmin a second time, one index look-up more than the app), the registration (the bench event asks
-- no questions, so no answers are inserted, as in the app; its payment reference is made in
-- Node), its mail (the outbox row and its pending mark, db/mail/queue.ts: the drain makes the job
-- later, outside), the sessions locked and checked all there, the place, and the charges
-- (db/payments/charges.ts; the bench event is free, so none are inserted). The app makes the
-- registration's id in Node; here it is made from :k (md5 as a uuid) so that no statement waits
-- for another's result. Variables from bench/pgbench.ts: -D event=<uuid> -D sid=<uuid>. The car is
-- left NULL (every bench car is already registered by the HTTP burst) and its check reads the
-- bench owner's first car; the app instances are stopped before pgbench runs, so nothing drains
-- its mails and pgbench measures the registration alone.
\set c random(1, 1000)
\set k random(1, 9000000000000000000)
\startpipeline
SELECT id, owner_id FROM registrations WHERE idempotency_key = concat('pgb-', :k::text);
SELECT *, xmin::text AS version FROM events WHERE id = :event::uuid;
SELECT *, xmin::text AS version FROM cars WHERE owner_id = concat('bench-owner-', lpad(:c::text, 4, '0'));
SELECT * FROM event_sessions WHERE id IN (:sid::uuid) AND event_id = :event::uuid;
SELECT * FROM event_questions WHERE event_id = :event::uuid ORDER BY position;
SELECT experience FROM users WHERE id = concat('bench-owner-', lpad(:c::text, 4, '0'));
-- The key's colon stands apart: pgbench would read ':pgb' inside the literal as a variable.
INSERT INTO rate_limits (key, points, expire)
  VALUES (concat('registrationsPerUser', ':', 'pgb-', :c::text), 1, now() + interval '60 seconds')
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN rate_limits.expire <= now() THEN 1 ELSE rate_limits.points + 1 END,
    expire = CASE WHEN rate_limits.expire <= now() THEN now() + interval '60 seconds' ELSE rate_limits.expire END
  RETURNING key, points, expire;
\endpipeline
\startpipeline
SELECT ringmeet_expect((SELECT xmin FROM events WHERE id = :event::uuid FOR SHARE)::text
  = (SELECT xmin::text FROM events WHERE id = :event::uuid), 'event');
SELECT ringmeet_expect((SELECT xmin FROM cars WHERE owner_id = concat('bench-owner-', lpad(:c::text, 4, '0')) ORDER BY id LIMIT 1 FOR SHARE)::text
  = (SELECT xmin::text FROM cars WHERE owner_id = concat('bench-owner-', lpad(:c::text, 4, '0')) ORDER BY id LIMIT 1), 'car');
INSERT INTO registrations (id, event_id, car_id, owner_id, idempotency_key, payment_reference, driver_details)
  VALUES (md5(concat('pgb-', :k::text))::uuid, :event::uuid, NULL, concat('bench-owner-', lpad(:c::text, 4, '0')), concat('pgb-', :k::text), concat('RF00PGB', :k::text),
    (SELECT jsonb_build_object('licenceNumber', u.licence_number, 'licenceCountry', u.licence_country,
      'licenceValidUntil', u.licence_valid_until::text, 'emergencyName', u.emergency_name, 'emergencyPhone', u.emergency_phone,
      'experience', u.experience::text) FROM users u WHERE u.id = concat('bench-owner-', lpad(:c::text, 4, '0'))))
  ON CONFLICT DO NOTHING RETURNING id;
WITH m AS (
  INSERT INTO mail_outbox (kind, payload, recipient, user_id, registration_id, event_id, dedupe_key)
  SELECT 'registrationReceived', jsonb_build_object('kind', 'registrationReceived', 'registrationId', md5(concat('pgb-', :k::text))::uuid::text)::jsonb || jsonb_build_object('to', t.role), t.email, t.user_id, r.id, r.event_id, NULL::text || ':' || t.role
  FROM registrations r LEFT JOIN users u ON u.id = r.owner_id
  CROSS JOIN LATERAL (VALUES ('owner', u.email, u.id), ('secondDriver', r.second_driver_email, NULL::text)) AS t(role, email, user_id)
  WHERE r.id = md5(concat('pgb-', :k::text))::uuid AND t.email IS NOT NULL AND (t.role = 'owner' OR 'registrationReceived' = 'registrationReceived')
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id)
INSERT INTO mail_outbox_pending (mail_id) SELECT id FROM m RETURNING mail_id;
SELECT ringmeet_expect(count(*) = 1, 'sessions') FROM (SELECT id FROM event_sessions WHERE id IN (:sid::uuid) ORDER BY id FOR UPDATE) l;
INSERT INTO registration_sessions (registration_id, session_id, status, wait_seq)
  SELECT r.id, s.id, t.status, CASE WHEN t.status = 'waiting' THEN nextval('registration_wait_seq') END
  FROM registrations r JOIN event_sessions s ON s.id IN (:sid::uuid) CROSS JOIN LATERAL (SELECT CASE WHEN
      (SELECT count(*) FROM registration_sessions WHERE session_id = s.id AND status = 'confirmed')
      + (SELECT count(*) FROM place_offers WHERE session_id = s.id AND status = 'open') < s.capacity
    THEN 'confirmed' ELSE 'waiting' END::place_status AS status) t
  WHERE r.id = md5(concat('pgb-', :k::text))::uuid;
WITH reg AS (
  SELECT r.id, r.event_id, f.entry_cents, r.status = 'active' AND e.status <> 'cancelled' AS live
  FROM registrations r JOIN events e ON e.id = r.event_id JOIN event_fees f ON f.event_id = r.event_id
  WHERE r.id IN (md5(concat('pgb-', :k::text))::uuid)
),
held AS (
  SELECT reg.id AS registration_id, 'session:' || es.id AS item, es.price_cents AS cents
  FROM reg JOIN registration_sessions rs ON rs.registration_id = reg.id AND rs.status = 'confirmed'
  JOIN event_sessions es ON es.id = rs.session_id
  WHERE reg.live
  UNION ALL
  SELECT reg.id, 'entry', reg.entry_cents FROM reg
  WHERE reg.live
    AND EXISTS (SELECT 1 FROM registration_sessions rs WHERE rs.registration_id = reg.id AND rs.status = 'confirmed')
),
items AS (
  SELECT l.registration_id, l.item,
    sum(CASE l.kind WHEN 'charge' THEN l.cents ELSE -l.cents END)::int AS net,
    count(*) FILTER (WHERE l.kind = 'charge')::int AS charges,
    count(*) FILTER (WHERE l.kind = 'credit')::int AS credits
  FROM ledger_entries l JOIN reg ON reg.id = l.registration_id
  WHERE l.kind IN ('charge', 'credit') AND l.item <> 'cancellation'
  GROUP BY l.registration_id, l.item
),
changes AS (
  SELECT h.registration_id, 'charge'::ledger_kind AS kind, h.item, h.cents, coalesce(i.charges, 0) AS n
  FROM held h LEFT JOIN items i ON i.registration_id = h.registration_id AND i.item = h.item
  WHERE coalesce(i.net, 0) = 0 AND h.cents > 0
  UNION ALL
  SELECT i.registration_id, 'credit'::ledger_kind, i.item, i.net, i.credits
  FROM items i
  WHERE i.net > 0 AND NOT EXISTS (SELECT 1 FROM held h WHERE h.registration_id = i.registration_id AND h.item = i.item)
)
INSERT INTO ledger_entries (event_id, registration_id, kind, item, cents, source_key)
SELECT reg.event_id, reg.id, c.kind, c.item, c.cents, reg.id || ':' || c.item || ':' || c.kind || ':' || c.n
FROM changes c JOIN reg ON reg.id = c.registration_id
ON CONFLICT (source_key) DO NOTHING;
\endpipeline
