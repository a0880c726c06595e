import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, formatClock, formatMoment, weekday } from "@/lib/time";
import { openScratchDatabase } from "@/test/scratch-database";
import { events, eventSessions } from "../schema";
import { DEMO_EVENT_SLUG, demoSaturday, resetDemo, seedDemo } from "./demo";
import { DEMO_ACCOUNT, demoFee, demoReference } from "./fees";

describe("demoSaturday", () => {
  it("is the first summer weekend (June to September) at least 60 days ahead", () => {
    expect(demoSaturday("2026-12-06")).toBe("2027-06-05");
    expect(demoSaturday("2027-04-01")).toBe("2027-06-05");
    expect(demoSaturday("2027-04-02")).toBe("2027-06-05");
    expect(demoSaturday("2027-06-10")).toBe("2027-08-14");
    // 60 days after 2 August is 1 October: past the season, so next June.
    expect(demoSaturday("2027-08-02")).toBe("2028-06-03");
    // Saturday 30 September 2028 would have its Sunday in October.
    expect(demoSaturday("2028-07-30")).toBe("2029-06-02");
  });

  it("is always a Saturday and Sunday in June to September, at least 60 days after the day, the first such", () => {
    const day = fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-01-01T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (today) => {
        const saturday = demoSaturday(today);
        expect(weekday(saturday)).toBe(6);
        const days = (Date.parse(saturday) - Date.parse(today)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(60);
        for (const d of [saturday, addDays(saturday, 1)]) expect(Number(d.slice(5, 7))).toBeGreaterThanOrEqual(6);
        expect(Number(addDays(saturday, 1).slice(5, 7))).toBeLessThanOrEqual(9);
        // No earlier Saturday qualified: the one a week before was too soon or out of season.
        const before = addDays(saturday, -7);
        const soon = (Date.parse(before) - Date.parse(today)) / 86_400_000 < 60;
        const month = (d: string) => Number(d.slice(5, 7));
        expect(soon || month(before) < 6 || month(addDays(before, 1)) > 9).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("seedDemo / resetDemo (own database)", () => {
  let scratch: Awaited<ReturnType<typeof openScratchDatabase>>;
  beforeAll(async () => {
    scratch = await openScratchDatabase("ringmeet_seed");
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  const count = async (table: string) =>
    (await scratch.sql.unsafe(`select count(*)::int as n from ${table}`))[0]!.n as number;

  async function expectDemoData() {
    expect(await count("users")).toBe(94);
    expect(await count("cars")).toBe(92);
    expect(await count("clubs")).toBe(1);
    expect(await count("events")).toBe(1);
    expect(await count("event_sessions")).toBe(6);
    expect(await count("registrations")).toBe(92);
    const plaques = await scratch.sql`select plaque from registrations order by plaque`;
    expect(plaques.map((r) => r.plaque)).toEqual(Array.from({ length: 92 }, (_, i) => i + 1));
    const sessions = await scratch.sql`
      select s.name, s.kind, s.capacity, count(rs.session_id) filter (where rs.status = 'confirmed')::int as confirmed
      from event_sessions s join events e on e.id = s.event_id left join registration_sessions rs on rs.session_id = s.id
      where e.slug = ${DEMO_EVENT_SLUG} group by s.id order by s.starts_at`;
    expect(sessions.slice(0, 3).map((s) => s.confirmed)).toEqual([92, 92, 92]);
    const gp = sessions.filter((s) => s.kind === "gp_track");
    expect(gp).toHaveLength(3);
    for (const s of gp) expect(s.confirmed).toBeLessThanOrEqual(s.capacity);
    expect(gp.reduce((sum, s) => sum + s.confirmed, 0)).toBe(46);
    const [twice] = await scratch.sql`
      select count(*)::int as n from (select rs.registration_id from registration_sessions rs join event_sessions s on s.id = rs.session_id
      where s.kind = 'gp_track' group by rs.registration_id having count(*) > 1) x`;
    expect(twice!.n).toBe(0);
  }

  it("seeds once: a second run writes nothing", async () => {
    const now = new Date("2026-12-01T20:00:00Z"); // 21:00 in Berlin, already 2 December in Kathmandu
    expect(await seedDemo(scratch.db, now)).toBe(true);
    expect(await seedDemo(scratch.db, now)).toBe(false);
    await expectDemoData();
  });

  it("writes the contract's club, accounts, event and programme in Berlin time", async () => {
    const [event] = await scratch.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    expect(event).toMatchObject({
      name: "1M Meet 2027",
      venue: "Nürburgring",
      startsOn: "2027-06-05",
      endsOn: "2027-06-06",
      allocation: "fcfs",
      status: "published",
    });
    expect(event!.registrationOpensAt.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(formatMoment(event!.registrationClosesAt)).toBe(`${addDays("2027-06-05", -7)} 00:00`);
    const sessions = await scratch.db
      .select()
      .from(eventSessions)
      .where(eq(eventSessions.eventId, event!.id))
      .orderBy(eventSessions.startsAt);
    expect(sessions.map((s) => [s.name, formatMoment(s.startsAt), formatClock(s.endsAt), s.capacity])).toEqual([
      ["Paddock display", "2027-06-05 09:00", "12:30", 120],
      ["Photo session, GP straight", "2027-06-05 13:30", "15:00", 105],
      ["Corso, Nordschleife behind the pace car", "2027-06-05 18:00", "19:00", 105],
      ["GP track session 1", "2027-06-06 09:00", "09:30", 30],
      ["GP track session 2", "2027-06-06 10:00", "10:30", 30],
      ["GP track session 3", "2027-06-06 11:00", "11:30", 30],
    ]);
    for (let i = 1; i < sessions.length; i++)
      expect(sessions[i]!.startsAt.getTime()).toBeGreaterThanOrEqual(sessions[i - 1]!.endsAt.getTime());
    const staff =
      await scratch.sql`select u.email, m.role from club_members m join users u on u.id = m.user_id join clubs c on c.id = m.club_id where c.name = '1M Owners Club' order by u.email`;
    expect(staff.map((r) => [r.email, r.role])).toEqual([
      ["gate@ringmeet.test", "gate"],
      ["organiser@ringmeet.test", "admin"],
    ]);
    const [cars] =
      await scratch.sql`select count(*)::int as n, count(distinct owner_id)::int as owners from cars where plate <> '' and plate_country <> ''`;
    expect(cars).toEqual({ n: 92, owners: 92 });
    // Paperwork: owner001–owner080 gave an emergency contact and signed the waiver; the rest did not.
    const signed =
      await scratch.sql`select u.email from waiver_signatures w join registrations r on r.id = w.registration_id
      join users u on u.id = r.owner_id order by u.email`;
    expect(signed.map((r) => r.email)).toEqual(
      Array.from({ length: 80 }, (_, i) => `owner${String(i + 1).padStart(3, "0")}@ringmeet.test`),
    );
    const [paperwork] =
      await scratch.sql`select p.require_emergency_contact, v.text_en, v.text_de from event_paperwork p
      join waiver_versions v on v.event_id = p.event_id`;
    expect(paperwork).toMatchObject({ require_emergency_contact: true });
    expect(paperwork!.text_en).toContain("at your own risk");
    expect(paperwork!.text_de).toContain("auf eigene Gefahr");
    // Fees: €45 entry, €120 per GP session; owner001–owner080 paid what they owe, the rest owe it.
    const [fees] = await scratch.sql`select entry_cents, iban, offer_freed_places, offer_hours from event_fees`;
    expect(fees).toEqual({ entry_cents: 4500, iban: DEMO_ACCOUNT.iban, offer_freed_places: true, offer_hours: 24 });
    // Transfers close when registration does, a week before at midnight in Berlin.
    const [deadlines] = await scratch.sql`select f.transfers_until = e.registration_closes_at as same
      from event_fees f join events e on e.id = f.event_id`;
    expect(deadlines).toEqual({ same: true });
    const prices = await scratch.sql`select kind, price_cents from event_sessions order by starts_at`;
    expect(prices.map((p) => p.price_cents)).toEqual([0, 0, 0, 12000, 12000, 12000]);
    const owed = await scratch.sql`
      select r.plaque, r.payment_reference,
        sum(case l.kind when 'charge' then l.cents when 'credit' then -l.cents when 'payment' then -l.cents else l.cents end)::int as owed
      from registrations r join ledger_entries l on l.registration_id = r.id group by r.id order by r.plaque`;
    expect(owed.map((r) => [r.plaque, r.owed])).toEqual(
      Array.from({ length: 92 }, (_, i) => [i + 1, i + 1 <= 80 ? 0 : demoFee(i + 1)]),
    );
    expect(owed.map((r) => r.payment_reference)).toEqual(owed.map((r) => demoReference(r.plaque)));
  });

  it("seeds again after resetDemo", async () => {
    await resetDemo(scratch.db);
    for (const table of [
      "users",
      "cars",
      "clubs",
      "events",
      "event_sessions",
      "registrations",
      "registration_sessions",
    ]) {
      expect(await count(table)).toBe(0);
    }
    // 22:30 UTC is already the next day in Berlin (summer time): 60 days on is then a Sunday, so the
    // event moves a week later than a UTC reading would put it.
    expect(await seedDemo(scratch.db, new Date("2027-04-06T22:30:00Z"))).toBe(true);
    const [event] = await scratch.sql`select starts_on from events where slug = ${DEMO_EVENT_SLUG}`;
    expect(event!.starts_on).toBe("2027-06-12");
    await expectDemoData();
  });

  it("writes the demo once when two seeds start at the same time", async () => {
    await resetDemo(scratch.db);
    const now = new Date("2026-11-27T10:00:00Z");
    const results = await Promise.all([seedDemo(scratch.db, now), seedDemo(scratch.db, now)]);
    expect(results.sort()).toEqual([false, true]);
    await expectDemoData();
  });
});
