import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { migrateDatabase } from "../db/migrate";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "../scripts/embedded-postgres";

const REGISTRATIONS = 2000;
const TARGET_MS = 200;
const COLOURS = ["Valencia Orange", "Alpine White", "Sapphire Black", "BMW Individual"];
const MODELS = ["bmw-1m-e82", "bmw-m2-f87", "bmw-m3-e46", "bmw-m4-f82"];

type Seeded = { userId: string; slug: string; gp1: string };

/**
 * A meet with REGISTRATIONS cars: everybody in the paddock, photo session and Corso, every car in
 * one of three GP sessions of 30 places (so each has a waiting list of hundreds), a tenth checked in.
 */
async function seed(url: string): Promise<Seeded> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [club] = await sql<
      { id: string }[]
    >`insert into clubs (name, slug) values ('Bench Club', 'bench-roster-club') returning id`;
    const [organiser] = await sql<
      { id: string }[]
    >`insert into users (id, email, full_name) values ('bench-organiser', 'organiser@bench.test', 'Bench Organiser') returning id`;
    await sql`insert into club_members (club_id, user_id, role) values (${club!.id}, ${organiser!.id}, 'organiser')`;
    const [event] = await sql<
      { id: string }[]
    >`insert into events (club_id, slug, name, starts_on, ends_on, registration_opens_at, registration_closes_at, status)
      values (${club!.id}, 'bench-roster', 'Bench Roster Meet', current_date + 60, current_date + 61, now() - interval '1 day', current_date + 50, 'published') returning id`;
    const sessions = await sql<{ id: string; name: string }[]>`
      insert into event_sessions (event_id, name, kind, starts_at, ends_at, capacity)
      select ${event!.id}, name, 'other', (current_date + 60 + make_time(h, 0, 0)) at time zone 'Europe/Berlin', (current_date + 60 + make_time(h + 1, 0, 0)) at time zone 'Europe/Berlin', cap
      from (values ('Paddock display', 8, 2000), ('Photo session', 10, 2000), ('Corso', 12, 2000), ('GP 1', 14, 30), ('GP 2', 16, 30), ('GP 3', 18, 30)) as s(name, h, cap)
      returning id, name`;
    await sql`insert into users (id, email, full_name, display_name)
      select 'bench-owner-' || n, 'owner' || n || '@bench.test', (array['Anna','Bruno','Carla','Dieter','Eva','Frank','Greta','Hans'])[1 + n % 8] || ' ' || 'Driver' || n, 'D' || n
      from generate_series(1, ${REGISTRATIONS}) n`;
    await sql`insert into cars (owner_id, model, year, colour, individual_colour, vin, plate, plate_country)
      select 'bench-owner-' || n, (${MODELS}::text[])[1 + n % 4], 2011, (${COLOURS}::text[])[1 + n % 4], case when n % 4 = 3 then 'Java Green' end,
        'WBSBENCH' || lpad(n::text, 9, '0'), (array['M','K','HH','B'])[1 + n % 4] || '-RM ' || n, 'DE'
      from generate_series(1, ${REGISTRATIONS}) n`;
    await sql`insert into registrations (event_id, car_id, owner_id, plaque, created_at, checked_in_at)
      select ${event!.id}, c.id, c.owner_id, substr(c.owner_id, 13)::int, now() - make_interval(secs => 5000 - substr(c.owner_id, 13)::int),
        case when substr(c.owner_id, 13)::int % 10 = 0 then now() end
      from cars c where c.owner_id like 'bench-owner-%'`;
    const id = (name: string) => sessions.find((s) => s.name === name)!.id;
    await sql`insert into registration_sessions (registration_id, session_id, status, wait_seq)
      select r.id, s, 'confirmed', null from registrations r, unnest(${[id("Paddock display"), id("Photo session"), id("Corso")]}::uuid[]) s where r.event_id = ${event!.id}
      union all
      select r.id, (${[id("GP 1"), id("GP 2"), id("GP 3")]}::uuid[])[1 + r.plaque % 3],
        case when r.plaque <= 90 then 'confirmed' else 'waiting' end::place_status,
        case when r.plaque > 90 then nextval('registration_wait_seq') end
      from registrations r where r.event_id = ${event!.id}`;
    await sql`analyze`;
    return { userId: organiser!.id, slug: "bench-roster", gp1: id("GP 1") };
  } finally {
    await sql.end();
  }
}

const cases = (s: Seeded) => [
  { name: "first page, by plaque", params: {} },
  { name: "search plate fragment", params: { q: "hh-rm 12" } },
  { name: "search name", params: { q: "greta" } },
  { name: "search e-mail", params: { q: "owner1999@bench" } },
  { name: "search VIN tail", params: { q: "000001234" } },
  { name: "search plaque #1500", params: { q: "#1500" } },
  { name: "GP 1 waiting list", params: { session: s.gp1, status: "waiting", sort: "registered" } },
  {
    name: "colour + not checked in, driver desc",
    params: { colour: "Java Green", checkedIn: "no", sort: "driver", dir: "desc" },
  },
  { name: "sort by status, page 20", params: { sort: "status", page: "20" } },
  { name: "model filter, 200 per page", params: { model: "bmw-m2-f87", pageSize: "200" } },
];

/** Times the roster read (db/roster/reads.ts getRoster: authorisation, one page query, the counts) over 2,000 registrations. */
export async function benchRoster() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-bench-roster-"));
  chmodSync(workDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, "pg"), port: await freePort() });
  try {
    await ensureDatabase(pg.url("postgres"), "ringmeet_bench");
    const url = pg.url("ringmeet_bench");
    await migrateDatabase(url);
    const seeded = await seed(url);
    console.log(
      `${REGISTRATIONS} registrations, ${REGISTRATIONS * 4} places (GP waiting lists of ~${Math.round((REGISTRATIONS - 90) / 3)} each)`,
    );
    const child = spawnSync(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "bench/roster-queries.ts"],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: url,
          AUTH_SECRET: "bench-roster-secret-0123456789",
          APP_URL: "http://localhost:3000",
          DEV_MAILBOX: "1",
          ROSTER_BENCH: JSON.stringify({ userId: seeded.userId, slug: seeded.slug, cases: cases(seeded) }),
        },
        encoding: "utf8",
      },
    );
    if (child.status !== 0) throw new Error(`roster queries failed: ${child.stderr || child.stdout}`);
    const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as {
      figures: { name: string; rows: number; total: number; p50: number; p95: number }[];
      p50: number;
      p95: number;
      runs: number;
    };
    console.log(`${"query".padEnd(40)}${"rows/total".padStart(12)}${"p50".padStart(10)}${"p95".padStart(10)}`);
    for (const f of result.figures)
      console.log(
        `${f.name.padEnd(40)}${`${f.rows}/${f.total}`.padStart(12)}${`${f.p50.toFixed(1)} ms`.padStart(10)}${`${f.p95.toFixed(1)} ms`.padStart(10)}`,
      );
    const ok = result.p95 < TARGET_MS;
    console.log(
      `all ${result.runs} reads: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (target < ${TARGET_MS} ms): ${ok ? "met" : "MISSED"}`,
    );
    return result;
  } finally {
    await pg.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
