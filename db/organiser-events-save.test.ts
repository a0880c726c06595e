import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubEvent, clubWith, loadEvent } from "@/test/clubs";
import { edited, eventForm, type SessionForm } from "@/test/event-form";
import { eventXmin, queuedMails } from "@/test/mail";
import { createOwner, emails, oneM, register, registrant } from "@/test/owners";
import { uniqueSuffix } from "@/test/unique";
import { db } from "./client";
import { cancelEvent, getEventForEditing, saveEvent } from "./organiser-events";
import { createCar } from "./cars";
import { eventSessions, registrations, registrationSessions } from "./schema";

describe("saveEvent: removing a session that has registrations", () => {
  it("asks for confirmation with the count, and changes nothing until given", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id);
    const [paddock] = saved.sessions;
    await registrant(saved.event.id, paddock!.id);
    await registrant(saved.event.id, paddock!.id, "waiting");
    const result = await saveEvent(
      admin.id,
      saved.event.slug,
      edited(saved, [{ remove: "on" }], { name: "Renamed" }),
      false,
    );
    expect(result).toEqual({ ok: false, field: "sessions.0.confirmRemoval", error: "errors.confirmRemoval?count=2" });
    expect(await loadEvent(saved.event.slug)).toMatchObject({
      event: { name: saved.event.name },
      sessions: [{ id: paddock!.id }, {}],
    });
  });

  it("removes it once confirmed, mailing exactly its active registrants, queued in the same transaction", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id);
    const [paddock, gp] = saved.sessions;
    const confirmed = await registrant(saved.event.id, paddock!.id, "confirmed", "de");
    const waiting = await registrant(saved.event.id, paddock!.id, "waiting");
    const left = await registrant(saved.event.id, paddock!.id);
    await db()
      .update(registrations)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(eq(registrations.id, left.reg.id));
    await registrant(saved.event.id, gp!.id);
    const result = await saveEvent(
      admin.id,
      saved.event.slug,
      edited(saved, [{ remove: "on", confirmRemoval: "on" }]),
      false,
    );
    if (!result?.ok) throw new Error(JSON.stringify(result));
    expect(result.removedSessions).toEqual([{ name: "Paddock", told: 2 }]);
    const mails = await queuedMails(saved.event.id, "sessionRemoved");
    expect(mails.map((m) => m.recipient)).toEqual(emails(confirmed.owner, waiting.owner));
    expect(mails.map((m) => m.payload)).toEqual([{ session: "Paddock" }, { session: "Paddock" }]);
    expect(mails.map((m) => m.xmin)).toEqual(Array(2).fill(await eventXmin(saved.event.id)));
    expect((await loadEvent(saved.event.slug)).sessions.map((s) => s.id)).toEqual([gp!.id]);
  });

  it("removes a session nobody registered for without asking", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id);
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved, [{}, { remove: "on" }]), false)).toEqual({
      ok: true,
      slug: saved.event.slug,
      removedSessions: [{ name: "GP track", told: 0 }],
    });
    expect((await loadEvent(saved.event.slug)).sessions.map((s) => s.name)).toEqual(["Paddock"]);
  });

  it("counts registered cars, not owners, in the confirmation", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id);
    const owner = await createOwner("two-cars");
    for (const nickname of ["Orange", "White"]) {
      const car = await createCar(owner.id, oneM({ nickname }));
      if (!car.ok) throw new Error("create failed");
      await register(saved.event.id, owner.id, car.car.id, saved.sessions[0]!.id);
    }
    expect(await getEventForEditing(admin.id, saved.event.slug)).toMatchObject({
      sessions: [{ registered: 2 }, { registered: 0 }],
    });
    const result = await saveEvent(admin.id, saved.event.slug, edited(saved, [{ remove: "on" }]), false);
    expect(result).toEqual({ ok: false, field: "sessions.0.confirmRemoval", error: "errors.confirmRemoval?count=2" });
  });
});

describe("saveEvent: capacity, status and slug", () => {
  it("refuses a capacity below the confirmed places, counting neither waiting nor cancelled ones", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id);
    const gp = saved.sessions[1]!;
    for (let i = 0; i < 3; i++) await registrant(saved.event.id, gp.id);
    await registrant(saved.event.id, gp.id, "waiting");
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved, [{}, { capacity: "2" }]), false)).toEqual({
      ok: false,
      field: "sessions.1.capacity",
      error: "errors.capacityBelowConfirmed?count=3",
    });
    expect((await loadEvent(saved.event.slug)).sessions[1]!.capacity).toBe(20);
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved, [{}, { capacity: "3" }]), false)).toMatchObject({
      ok: true,
    });
    expect((await loadEvent(saved.event.slug)).sessions[1]!.capacity).toBe(3);
  });

  it("gives a raised capacity to the cars waiting, earliest first, in the same save", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id);
    const gp = saved.sessions[1]!;
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved, [{}, { capacity: "1" }]), false)).toMatchObject({
      ok: true,
    });
    await registrant(saved.event.id, gp.id);
    const first = await registrant(saved.event.id, gp.id, "waiting");
    const second = await registrant(saved.event.id, gp.id, "waiting");
    await db()
      .update(registrationSessions)
      .set({ waitSeq: 2 })
      .where(eq(registrationSessions.registrationId, second.reg.id));
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved, [{}, { capacity: "2" }]), false)).toMatchObject({
      ok: true,
    });
    const places = await db().select().from(registrationSessions).where(eq(registrationSessions.sessionId, gp.id));
    expect(places.find((p) => p.registrationId === first.reg.id)?.status).toBe("confirmed");
    expect(places.find((p) => p.registrationId === second.reg.id)?.status).toBe("waiting");
    expect(places.filter((p) => p.status === "confirmed")).toHaveLength(2);
  });

  it("publishes a draft, keeps a published event published, and never revives a cancelled one", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id);
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved), false)).toMatchObject({ ok: true });
    expect((await loadEvent(saved.event.slug)).event.status).toBe("draft");
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved), true)).toMatchObject({ ok: true });
    expect((await loadEvent(saved.event.slug)).event.status).toBe("published");
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved), false)).toMatchObject({ ok: true });
    expect((await loadEvent(saved.event.slug)).event.status).toBe("published");
    await cancelEvent(admin.id, saved.event.slug);
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved), true)).toMatchObject({ ok: true });
    expect((await loadEvent(saved.event.slug)).event.status).toBe("cancelled");
  });

  it("changes the slug of a draft, refuses a taken one, and keeps a published event's slug", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id);
    const other = await clubEvent(admin.id, club.id);
    const wanted = `moved-${uniqueSuffix()}`;
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved, [], { slug: other.event.slug }), false)).toEqual({
      ok: false,
      field: "slug",
      error: "errors.slugTaken",
    });
    expect(await saveEvent(admin.id, saved.event.slug, edited(saved, [], { slug: wanted }), true)).toEqual({
      ok: true,
      slug: wanted,
      removedSessions: [],
    });
    expect(await getEventForEditing(admin.id, saved.event.slug)).toBeNull();
    expect(await saveEvent(admin.id, wanted, edited(saved, [], { slug: `${wanted}-again` }), false)).toEqual({
      ok: true,
      slug: wanted,
      removedSessions: [],
    });
    expect((await loadEvent(wanted)).event.id).toBe(saved.event.id);
  });

  it("adds a row carrying another event's session id as a new session, leaving that session alone", async () => {
    const { admin, club } = await clubWith();
    const mine = await clubEvent(admin.id, club.id);
    const theirs = await clubEvent(admin.id, club.id);
    const forged = theirs.sessions[0]!;
    const rows: SessionForm[] = [
      {},
      {},
      { ...eventForm().sessions[0]!, id: forged.id, name: "Hijacked", capacity: "1" },
      { ...eventForm().sessions[0]!, id: theirs.sessions[1]!.id, remove: "on", confirmRemoval: "on" },
    ];
    expect(await saveEvent(admin.id, mine.event.slug, edited(mine, rows), false)).toMatchObject({
      ok: true,
      removedSessions: [],
    });
    const after = await loadEvent(mine.event.slug);
    expect(after.sessions.map((s) => s.name).sort()).toEqual(["GP track", "Hijacked", "Paddock"]);
    expect(after.sessions.find((s) => s.name === "Hijacked")!.id).not.toBe(forged.id);
    const [untouched] = await db().select().from(eventSessions).where(eq(eventSessions.id, forged.id));
    expect(untouched).toEqual(forged);
    expect((await loadEvent(theirs.event.slug)).sessions).toEqual(theirs.sessions);
  });
});
