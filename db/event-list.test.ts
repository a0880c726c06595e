import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubEvent, clubWith } from "@/test/clubs";
import { sessionForm } from "@/test/event-form";
import { uniqueSuffix } from "@/test/unique";
import { db } from "./client";
import { listUpcomingEvents, type EventCard } from "./event-list";
import { events } from "./schema";

/** Events of a new club on one day of a far year of their own, so other tests' events come before. */
async function eventsOn(day: string, names: string[], venue = "Nürburgring") {
  const { admin, club } = await clubWith();
  const form = (name: string) => ({
    name,
    venue,
    startsOn: day,
    endsOn: day,
    registrationOpensAt: "2030-01-01T10:00",
    registrationClosesAt: `${day}T00:00`,
    sessions: [sessionForm({ day })],
  });
  const made = [];
  for (const name of names) made.push((await clubEvent(admin.id, club.id, form(name), true)).event);
  return { club, made };
}

const farDay = () =>
  `${2300 + Math.floor(Math.random() * 600)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;

async function everyPage(today: string, q = "", limit = 2): Promise<EventCard[]> {
  const all: EventCard[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listUpcomingEvents(today, { q, after, limit });
    expect(page.events.length).toBeLessThanOrEqual(limit);
    all.push(...page.events);
    if (!page.more) return all;
    expect(page.events).toHaveLength(limit);
    after = page.events.at(-1)!.id;
  }
  throw new Error("more than 100 pages");
}

describe("listUpcomingEvents", () => {
  it("pages through published events soonest first, each once, by name on the same day", async () => {
    const day = farDay();
    const s = uniqueSuffix();
    const { club, made } = await eventsOn(day, [`C ${s}`, `A ${s}`, `B ${s}`]);
    const listed = await everyPage(day);
    expect(new Set(listed.map((e) => e.id)).size).toBe(listed.length);
    const ours = listed.filter((e) => made.some((m) => m.id === e.id));
    expect(ours.map((e) => e.name)).toEqual([`A ${s}`, `B ${s}`, `C ${s}`]);
    expect(ours[0]).toMatchObject({ startsOn: day, endsOn: day, venue: "Nürburgring", clubName: club.name });
    const keys = listed.map((e) => [e.startsOn, e.name, e.id].join("\u0000"));
    expect(keys).toEqual([...keys].sort());
  });

  it("leaves out drafts and events that have ended", async () => {
    const day = farDay();
    const s = uniqueSuffix();
    const { made } = await eventsOn(day, [`Draft ${s}`, `Live ${s}`]);
    await db().update(events).set({ status: "draft" }).where(eq(events.id, made[0]!.id));
    expect((await listUpcomingEvents(day, { q: s })).events.map((e) => e.name)).toEqual([`Live ${s}`]);
    const dayAfter = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await listUpcomingEvents(dayAfter, { q: s })).events).toEqual([]);
  });

  it("searches name, venue and club with accents folded, and pages the results", async () => {
    const day = farDay();
    const s = uniqueSuffix();
    await eventsOn(day, [`Eifel ${s} 1`, `Eifel ${s} 2`, `Spa ${s}`], "Großer Preis Ring");
    const found = await everyPage(day, `eifel ${s}`, 1);
    expect(found.map((e) => e.name)).toEqual([`Eifel ${s} 1`, `Eifel ${s} 2`]);
    expect((await listUpcomingEvents(day, { q: `GROSSER preis ${s}` })).events).toHaveLength(3);
    expect((await listUpcomingEvents(day, { q: `Monza ${s}` })).events).toEqual([]);
  });

  it("starts again at the first page when the cursor's event is not there", async () => {
    const day = farDay();
    const s = uniqueSuffix();
    await eventsOn(day, [`Only ${s}`]);
    const stale = "00000000-0000-4000-8000-000000000000";
    expect((await listUpcomingEvents(day, { q: s, after: stale })).events.map((e) => e.name)).toEqual([`Only ${s}`]);
    const first = await listUpcomingEvents(day, { limit: 1 });
    expect((await listUpcomingEvents(day, { after: stale, limit: 1 })).events).toEqual(first.events);
  });
});
