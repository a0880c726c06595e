import { rmSync } from "node:fs";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { seedCommitment } from "@/lib/lottery";
import { ensureDatabase } from "@/scripts/embedded-postgres";
import { createClubRow, openEvent } from "@/test/registration";
import { uniqueSuffix } from "@/test/unique";
import { migrationsUpTo } from "@/test/migrations";
import { migrateDatabase } from "../migrate";
import * as schema from "../schema";

const DAY = 24 * 3600_000;
const BEFORE_COMMITMENTS = "0004_check_in";

describe("migrating events made before draw commitments", () => {
  const url = new URL(inject("adminUrl"));
  url.pathname = `/commitments_${uniqueSuffix()}`;
  const sql = postgres(url.href, { max: 2, onnotice: () => {} });
  const database = drizzle(sql, { schema });
  const folder = migrationsUpTo(BEFORE_COMMITMENTS);
  const ids = { notOpen: "", open: "", published: "" };

  beforeAll(async () => {
    await ensureDatabase(inject("adminUrl"), url.pathname.slice(1));
    await migrate(drizzle(sql), { migrationsFolder: folder });
    // Raw SQL naming only the columns of the old schema: the app's own helpers write today's.
    const tag = uniqueSuffix();
    const [club] = await sql<
      { id: string }[]
    >`insert into clubs (name, slug) values (${`Club ${tag}`}, ${`club-${tag}`}) returning id`;
    const lottery = async (opensInDays: number, closesInDays: number) => {
      const slug = `old-${uniqueSuffix()}`;
      const [event] = await sql<{ id: string }[]>`
        insert into events (club_id, slug, name, starts_on, ends_on, registration_opens_at, registration_closes_at, allocation, status)
        values (${club!.id}, ${slug}, ${slug}, current_date + 30, current_date + 31, ${new Date(Date.now() + opensInDays * DAY).toISOString()}::timestamptz,
          ${new Date(Date.now() + closesInDays * DAY).toISOString()}::timestamptz, 'lottery', 'published') returning id`;
      return event!.id;
    };
    const [notOpen, open, published] = [await lottery(1, 7), await lottery(-1, 7), await lottery(-7, -1)];
    for (const [i, eventId] of [open, published].entries()) {
      const owner = `old-owner-${uniqueSuffix()}`;
      await sql`insert into users (id, email) values (${owner}, ${`${owner}@ringmeet.test`})`;
      const [car] = await sql<{ id: string }[]>`insert into cars (owner_id, model, year, colour, plate, plate_country)
        values (${owner}, 'bmw-1m-e82', 2011, 'Alpine White', ${`OLD-${i}`}, 'DE') returning id`;
      await sql`insert into registrations (event_id, car_id, owner_id) values (${eventId}, ${car!.id}, ${owner})`;
      await sql`insert into draws (event_id, seed, algorithm, input_hash, result_hash, stats, result, published_at)
        values (${eventId}, ${`typed-${i}`}, 'mcf-1', 'in', 'out', '{}', '{}', case when ${i === 1} then now() end)`;
    }
    Object.assign(ids, { notOpen, open, published });
    await migrateDatabase(url.href);
  });

  afterAll(async () => {
    await sql.end();
    rmSync(folder, { recursive: true, force: true });
    const admin = postgres(inject("adminUrl"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${url.pathname.slice(1)}" with (force)`).finally(() => admin.end());
  });

  const commitment = async (eventId: string) =>
    (
      await sql<
        { seed: string; seed_hash: string; in_advance: boolean }[]
      >`select seed, seed_hash, in_advance from draw_commitments where event_id = ${eventId}`
    )[0];

  it("commits a fresh seed for every event whose draw is not published, in advance only where no entry existed", async () => {
    const [notOpen, open] = [await commitment(ids.notOpen), await commitment(ids.open)];
    expect(notOpen).toMatchObject({ in_advance: true, seed_hash: seedCommitment(notOpen!.seed) });
    expect(open).toMatchObject({ in_advance: false, seed_hash: seedCommitment(open!.seed) });
    expect(notOpen!.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(open!.seed).not.toBe(notOpen!.seed);
  });

  it("leaves a published draw without one, keeps the old runs, and commits new events from then on", async () => {
    expect(await commitment(ids.published)).toBeUndefined();
    expect((await sql`select seed from draws order by seed`).map((r) => r.seed)).toEqual(["typed-0", "typed-1"]);
    const { event } = await openEvent({ clubId: (await createClubRow(database)).id }, database);
    expect(await commitment(event.id)).toMatchObject({ in_advance: true });
  });
});
