import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet } from "@/test/clubs";
import { sampleFees } from "@/test/fees";
import { createOwner } from "@/test/owners";
import { db } from "../client";
import { auditLog, clubMembers, eventFees, eventSessions } from "../schema";
import { getFeeSettings, saveFees } from "./fees";

/** A meet with two sessions, its admin, a gate member and an organiser. */
async function meet() {
  const made = await clubMeet([
    { start: "09:00", end: "10:00", capacity: 5 },
    { start: "11:00", end: "12:00", capacity: 5 },
  ]);
  const organiser = await createOwner("organiser");
  await db().insert(clubMembers).values({ clubId: made.club.id, userId: organiser.id, role: "organiser" });
  return { ...made, organiser };
}

const priceOf = async (sessionId: string) =>
  (await db().select().from(eventSessions).where(eq(eventSessions.id, sessionId)))[0]?.priceCents;

describe("event fees", () => {
  it("start free, and an organiser saves them with the sessions' prices, then changes them", async () => {
    const { organiser, event, sessions } = await meet();
    const [gp, parade] = sessions as [(typeof sessions)[0], (typeof sessions)[0]];
    expect((await getFeeSettings(organiser.id, event.slug))?.fees).toMatchObject({
      entryCents: 0,
      iban: null,
      payWithinDays: 14,
      offerHours: 24,
      transferRule: "recipient_pays",
    });

    const saved = await saveFees(organiser.id, event.slug, sampleFees({ prices: { [gp.id]: 12000, [parade.id]: 0 } }));
    expect(saved).toMatchObject({ ok: true, event: { id: event.id } });
    const read = await getFeeSettings(organiser.id, event.slug);
    const { prices: _, ...settings } = sampleFees();
    expect(read?.fees).toEqual(settings);
    expect(read?.sessions.map((s) => [s.id, s.priceCents])).toEqual([
      [gp.id, 12000],
      [parade.id, 0],
    ]);

    await saveFees(organiser.id, event.slug, sampleFees({ entryCents: 0, bic: null, prices: { [gp.id]: 9950 } }));
    const [row] = await db().select().from(eventFees).where(eq(eventFees.eventId, event.id));
    expect(row).toMatchObject({ entryCents: 0, bic: null, iban: "DE89370400440532013000" });
    expect(await priceOf(gp.id)).toBe(9950);
    const audit = await db()
      .select({ actorId: auditLog.actorId, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "fees.save")))
      .orderBy(auditLog.id);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toEqual({ actorId: organiser.id, detail: { entryCents: 4500, sessions: 2 } });
  });

  it("are not shown to or saved by the gate, nor another club's admin: null, and nothing written", async () => {
    const { gate, event, sessions } = await meet();
    const other = await meet();
    const prices = { [sessions[0]!.id]: 500 };
    for (const userId of [gate.id, other.admin.id, other.organiser.id]) {
      expect(await getFeeSettings(userId, event.slug)).toBeNull();
      expect(await saveFees(userId, event.slug, sampleFees({ prices }))).toBeNull();
    }
    expect(await db().$count(eventFees, eq(eventFees.eventId, event.id))).toBe(0);
    expect(await priceOf(sessions[0]!.id)).toBe(0);
  });

  it("leave a session of another event alone, whatever the form says", async () => {
    const { admin, event, sessions } = await meet();
    const other = await meet();
    const prices = { [sessions[0]!.id]: 2000, [other.sessions[0]!.id]: 666 };
    expect(await saveFees(admin.id, event.slug, sampleFees({ prices }))).toMatchObject({ ok: true });
    expect(await priceOf(sessions[0]!.id)).toBe(2000);
    expect(await priceOf(other.sessions[0]!.id)).toBe(0);
    const [audit] = await db()
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "fees.save")));
    expect(audit?.detail).toEqual({ entryCents: 4500, sessions: 1 });
  });
});
