import fc from "fast-check";

// The random worlds and step sequences db/registrations/model.test.ts runs against the app's
// registration writes and test/registration-model.ts's in-memory model.

// A small event: 2–4 sessions of 1–3 places on one day, whole hours from 09:00, so that
// overlapping, touching and separate sessions all come up; 3–6 owners with 1–2 cars each.
export const world = fc.record({
  sessions: fc.array(
    fc.record({ start: fc.nat(4), hours: fc.integer({ min: 1, max: 2 }), capacity: fc.constantFrom(1, 1, 2, 3) }),
    { minLength: 2, maxLength: 4 },
  ),
  maxPerCar: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  carsEach: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 6 }),
});
const mostly = fc.nat(9).map((n) => n > 0); // true nine times in ten
// Mostly one or two sessions (a place or a clash); now and then none or up to four, duplicates included.
const choice = fc.oneof(
  { arbitrary: fc.array(fc.nat(3), { minLength: 1, maxLength: 2 }), weight: 9 },
  { arbitrary: fc.array(fc.nat(3), { maxLength: 4 }), weight: 1 },
);
const registerOp = fc.record({
  t: fc.constant("register" as const),
  owner: fc.nat(5),
  own: mostly,
  car: fc.nat(11),
  sessions: choice,
  replay: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.nat(20), weight: 1 }),
});
const op = fc.oneof(
  { arbitrary: registerOp, weight: 3 },
  {
    arbitrary: fc.record({
      t: fc.constant("change" as const),
      reg: fc.nat(20),
      stranger: mostly.map((m) => !m),
      sessions: choice,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ t: fc.constant("cancel" as const), reg: fc.nat(20), stranger: mostly.map((m) => !m) }),
    weight: 1,
  },
  // "Promote": free a confirmed place that someone is waiting for, by dropping that session or cancelling.
  { arbitrary: fc.record({ t: fc.constant("promote" as const), reg: fc.nat(20), drop: fc.boolean() }), weight: 2 },
  {
    arbitrary: fc.record({
      t: fc.constant("car" as const),
      reg: fc.nat(20),
      stranger: mostly.map((m) => !m),
      own: mostly,
      car: fc.nat(11),
    }),
    weight: 1,
  },
);
// Registrations first (so that lists fill up), then any mix: freed places then have someone waiting.
export const sequence = fc
  .tuple(fc.array(registerOp, { minLength: 2, maxLength: 5 }), fc.array(op, { minLength: 1, maxLength: 4 }))
  .map(([a, b]) => [...a, ...b]);
export type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
export type World = typeof world extends fc.Arbitrary<infer T> ? T : never;
