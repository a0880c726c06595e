import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet } from "@/test/clubs";
import { form, ownersWithCars } from "@/test/registration";
import { updateProfile } from "../account";
import { exportMyData } from "../account-export";
import { composeWaiverChanged } from "../mail/event-mail";
import { purgeExpired } from "../retention";
import { db } from "../client";
import { sqlRows } from "../query";
import { changeSessions, registerCar } from "../registrations/writes";
import { getRosterEvent, rosterPage } from "../roster/reads";
import { DEFAULT_ROSTER_QUERY, type RosterQuery } from "@/lib/roster/query";
import {
  cars,
  clubs,
  eventQuestions,
  eventSessions,
  events,
  mailOutbox,
  registrationAnswers,
  registrations,
  users,
  waiverSignatures,
} from "../schema";
import { savePaperwork } from "./settings";
import { registrationPaperwork } from "./status";
import { getLinkedWaiver, signAsSecondDriver } from "./second-driver";
import { getWaiverToSign, signWaiver } from "./waivers";

const paperwork = (over: Partial<Parameters<typeof savePaperwork>[2]> = {}) => ({
  waiverEn: "I take part at my own risk.",
  waiverDe: "Ich nehme auf eigene Gefahr teil.",
  requireLicence: false,
  requireEmergencyContact: true,
  requireExperience: false,
  noiseLimitDb: null,
  questions: [{ id: null, text: "Dinner?", kind: "yes_no" as const, choices: [], required: false }],
  ...over,
});
/** The database's refusal of a statement (drizzle wraps it), or "allowed". */
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => "allowed",
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  );
const meta = { ipAddress: "192.0.2.7", userAgent: "Mozilla/5.0 (Pixel 7)" };

/** A meet with paperwork and one registered car whose owner has not signed yet. */
async function meetWithCar() {
  const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
  const [owner] = await ownersWithCars(1);
  const made = await registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id]));
  if (!made.ok) throw new Error(made.error);
  return { ...meet, owner: owner!, registrationId: made.registrationId };
}

const statusOf = async (registrationId: string) => {
  const [reg] = await db().select().from(registrations).where(eq(registrations.id, registrationId));
  const [event] = await db().select().from(events).where(eq(events.id, reg!.eventId));
  return (await registrationPaperwork(db(), reg!, event!)).status;
};
const sign = async (userId: string, registrationId: string, language: "en" | "de" = "en") => {
  const waiver = await getWaiverToSign(userId, registrationId);
  return signWaiver(
    userId,
    registrationId,
    { fullName: "Jonas Müller", signature: null, versionId: waiver!.waiver.id, language },
    meta,
  );
};

describe("paperwork", () => {
  it("is saved by the event's organisers only", async () => {
    const { admin, gate, event } = await meetWithCar();
    expect(await savePaperwork(gate.id, event.slug, paperwork())).toBeNull();
    expect(await savePaperwork(admin.id, event.slug, paperwork())).toMatchObject({ ok: true, newVersion: 1 });
  });

  it("keeps the version while the text stays, and a new one asks everyone to sign again", async () => {
    const { admin, event, owner, registrationId } = await meetWithCar();
    await savePaperwork(admin.id, event.slug, paperwork());
    expect(await statusOf(registrationId)).toMatchObject({ missing: ["details", "waiver"] });
    expect(await sign(owner.ownerId, registrationId)).toMatchObject({ ok: true });
    expect((await statusOf(registrationId)).missing).toEqual(["details"]);

    expect(await savePaperwork(admin.id, event.slug, paperwork({ requireLicence: true }))).toMatchObject({
      newVersion: null,
    });
    expect((await statusOf(registrationId)).missing).toEqual(["details"]);
    expect(await savePaperwork(admin.id, event.slug, paperwork({ waiverEn: "New text." }))).toMatchObject({
      newVersion: 2,
    });
    expect((await statusOf(registrationId)).missing).toEqual(["details", "waiver"]);
    // The driver who signed the old text is told why, by e-mail, in one job of their own.
    const told = await db()
      .select({ kind: mailOutbox.kind, recipient: mailOutbox.recipient, payload: mailOutbox.payload })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.registrationId, registrationId), eq(mailOutbox.kind, "waiverChanged")));
    expect(told).toEqual([{ kind: "waiverChanged", recipient: owner.email, payload: { version: 2 } }]);
    const [row] = await db()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.registrationId, registrationId), eq(mailOutbox.kind, "waiverChanged")));
    const mail = await composeWaiverChanged(row!);
    expect(mail?.subject).toMatch(/^Please sign the waiver for .+ again$/);
    expect(mail?.links[0]).toMatch(new RegExp(`/registrations/${registrationId}/waiver$`));
  });

  it("records what was signed, and refuses a signature of a text that changed meanwhile", async () => {
    const { admin, event, owner, registrationId } = await meetWithCar();
    await savePaperwork(admin.id, event.slug, paperwork());
    const read = await getWaiverToSign(owner.ownerId, registrationId);
    await savePaperwork(admin.id, event.slug, paperwork({ waiverDe: "Neuer Text." }));
    const stale = { fullName: "Jonas Müller", signature: null, versionId: read!.waiver.id, language: "de" as const };
    expect(await signWaiver(owner.ownerId, registrationId, stale, meta)).toMatchObject({
      error: "errors.waiverChanged",
    });
    expect(await sign(owner.ownerId, registrationId, "de")).toMatchObject({ ok: true });
    const [row] = await db().select().from(waiverSignatures).where(eq(waiverSignatures.registrationId, registrationId));
    expect(row).toMatchObject({ fullName: "Jonas Müller", language: "de", ipAddress: "192.0.2.7", signer: "driver" });
    // SHA-256 of "Neuer Text.", the German text in force, as the signer read it.
    expect(row!.textSha256).toBe(createHash("sha256").update("Neuer Text.", "utf8").digest("hex"));
    // "Download my data" holds the record too.
    expect((await exportMyData(owner.ownerId)).waivers).toMatchObject([
      { registrationId, signer: "driver", fullName: "Jonas Müller", version: 2, language: "de", drawn: false },
    ]);
  });

  it("cannot be signed for another owner's registration", async () => {
    const { admin, event, owner, registrationId } = await meetWithCar();
    await savePaperwork(admin.id, event.slug, paperwork());
    const [stranger] = await ownersWithCars(1);
    expect(await getWaiverToSign(stranger!.ownerId, registrationId)).toBeNull();
    const versionId = (await getWaiverToSign(owner.ownerId, registrationId))!.waiver.id;
    const signing = { fullName: "Mallory", signature: null, versionId, language: "en" as const };
    expect(await signWaiver(stranger!.ownerId, registrationId, signing, meta)).toBeNull();
    expect(await statusOf(registrationId)).toMatchObject({ missing: ["details", "waiver"] });
  });
});

describe("a signed waiver", () => {
  async function signed() {
    const meet = await meetWithCar();
    await savePaperwork(meet.admin.id, meet.event.slug, paperwork());
    await sign(meet.owner.ownerId, meet.registrationId);
    return meet;
  }
  const count = async (registrationId: string) =>
    (await db().select().from(waiverSignatures).where(eq(waiverSignatures.registrationId, registrationId))).length;

  it("cannot be altered or deleted", async () => {
    const { registrationId } = await signed();
    const mine = eq(waiverSignatures.registrationId, registrationId);
    expect(await refusal(db().update(waiverSignatures).set({ fullName: "Someone else" }).where(mine))).toMatch(
      /cannot be changed or removed/,
    );
    expect(await refusal(db().delete(waiverSignatures).where(mine))).toMatch(/cannot be changed or removed/);
    expect(await count(registrationId)).toBe(1);
  });

  it("stays when its owner deletes the account, and goes with its event", async () => {
    const { registrationId, event } = await signed();
    await db().update(registrations).set({ ownerId: null }).where(eq(registrations.id, registrationId));
    expect(await count(registrationId)).toBe(1);
    await db().delete(events).where(eq(events.id, event.id));
    expect(await count(registrationId)).toBe(0);
  });

  it("may be deleted once the club's retention period after the event is over, not a day before", async () => {
    const { registrationId, event, club } = await signed();
    const endedAgo = (days: number) =>
      db().execute(
        sql`update events set starts_on = current_date - ${days}::int, ends_on = current_date - ${days}::int where id = ${event.id}`,
      );
    await db().update(clubs).set({ waiverRetentionYears: 1 }).where(eq(clubs.id, club.id));
    await endedAgo(365);
    await expect(
      db().delete(waiverSignatures).where(eq(waiverSignatures.registrationId, registrationId)),
    ).rejects.toThrow();
    await endedAgo(367);
    await db().delete(waiverSignatures).where(eq(waiverSignatures.registrationId, registrationId));
    expect(await count(registrationId)).toBe(0);
  });
});

describe("driver details", () => {
  it("are copied to the owner's registrations for events not yet over, and follow the profile", async () => {
    const { owner, registrationId } = await meetWithCar();
    const details = {
      fullName: "Jonas Müller",
      displayName: "Jonas M.",
      country: "DE",
      phone: null,
      locale: "de" as const,
      licenceNumber: "B072RRE2I55",
      licenceCountry: "DE",
      licenceValidUntil: "2031-05-01",
      emergencyName: "Anna Müller",
      emergencyPhone: "+491711234567",
      experience: "track_days" as const,
    };
    await updateProfile(owner.ownerId, details);
    const [reg] = await db().select().from(registrations).where(eq(registrations.id, registrationId));
    expect(reg!.driverDetails).toMatchObject({ emergencyName: "Anna Müller", experience: "track_days" });
  });
});

describe("the event's questions", () => {
  it("are answered at registration: a required one refuses beside its field, answers are stored", async () => {
    const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
    await savePaperwork(
      meet.admin.id,
      meet.event.slug,
      paperwork({
        questions: [{ id: null, text: "T-shirt size", kind: "choice", choices: ["S", "M"], required: true }],
      }),
    );
    const [question] = await db().select().from(eventQuestions).where(eq(eventQuestions.eventId, meet.event.id));
    const [owner] = await ownersWithCars(1);
    const register = (answers: Record<string, string>) =>
      registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id], { answers }));
    expect(await register({})).toEqual({ ok: false, field: `answers.${question!.id}`, error: "errors.answerRequired" });
    const made = await register({ [question!.id]: "M" });
    if (!made.ok) throw new Error(made.error);
    expect(
      await db().select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, made.registrationId)),
    ).toEqual([{ registrationId: made.registrationId, questionId: question!.id, value: "M" }]);
  });
});

describe("the roster", () => {
  it("shows each car's paperwork and filters complete from missing", async () => {
    const { admin, event, owner, registrationId } = await meetWithCar();
    const [other] = await ownersWithCars(1);
    const made = await registerCar(other!.ownerId, form(event.id, other!.carIds[0]!, [(await sessionOf(event.id))!]));
    if (!made.ok) throw new Error(made.error);
    await savePaperwork(admin.id, event.slug, paperwork({ requireEmergencyContact: false, noiseLimitDb: 98 }));
    await db().update(cars).set({ noiseDb: 99 }).where(eq(cars.id, other!.carIds[0]!));
    await db().update(cars).set({ noiseDb: 98 }).where(eq(cars.id, owner.carIds[0]!));
    await sign(owner.ownerId, registrationId);
    const roster = (await getRosterEvent(admin.id, event.slug))!;
    const page = (q: Partial<RosterQuery>) => rosterPage(roster, { ...DEFAULT_ROSTER_QUERY, ...q });
    const all = await page({});
    expect(Object.fromEntries(all.rows.map((r) => [r.id, r.paperwork]))).toEqual({
      [registrationId]: { complete: true, missing: 0 },
      [made.registrationId]: { complete: false, missing: 1 },
    });
    // Marked when over the limit, not at it.
    expect(Object.fromEntries(all.rows.map((r) => [r.id, r.noiseOver]))).toEqual({
      [registrationId]: null,
      [made.registrationId]: 99,
    });
    expect((await page({ paperwork: "missing" })).rows.map((r) => r.id)).toEqual([made.registrationId]);
    expect((await page({ paperwork: "complete" })).rows.map((r) => r.id)).toEqual([registrationId]);
  });
});

const sessionOf = async (eventId: string) =>
  (await db().select().from(eventSessions).where(eq(eventSessions.eventId, eventId)))[0]?.id;

describe("run groups", () => {
  it("refuse a session limited to other experience levels, beside the sessions, naming it", async () => {
    const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
    await db()
      .update(eventSessions)
      .set({ experienceLevels: ["nordschleife"] })
      .where(eq(eventSessions.id, meet.sessions[0]!.id));
    const [owner] = await ownersWithCars(1);
    const register = () => registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id]));
    expect(await register()).toEqual({
      ok: false,
      field: "sessionIds",
      error: `errors.sessionExperience?session=${encodeURIComponent(meet.sessions[0]!.name)}`,
    });
    await db().update(users).set({ experience: "nordschleife" }).where(eq(users.id, owner!.ownerId));
    expect(await register()).toMatchObject({ ok: true });
  });

  it("bind sessions newly chosen when changing sessions, not a place held before the group was set", async () => {
    const meet = await clubMeet([
      { start: "09:00", end: "10:00", capacity: 5 },
      { start: "11:00", end: "12:00", capacity: 5 },
    ]);
    const a = meet.sessions[0]!;
    const b = meet.sessions[1]!;
    const [owner] = await ownersWithCars(1);
    const made = await registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [a.id]));
    if (!made.ok) throw new Error(made.error);
    const limit = (id: string) =>
      db()
        .update(eventSessions)
        .set({ experienceLevels: ["first_time"] })
        .where(eq(eventSessions.id, id));
    await limit(a.id);
    await limit(b.id);
    expect(await changeSessions(owner!.ownerId, made.registrationId, [a.id, b.id])).toEqual({
      ok: false,
      field: "sessionIds",
      error: `errors.sessionExperience?session=${encodeURIComponent(b.name)}`,
    });
    expect(await changeSessions(owner!.ownerId, made.registrationId, [a.id])).toMatchObject({ ok: true });
  });
});

describe("the hourly purge", () => {
  it("erases drivers' details a month after their event, and deletes waivers only past the club's retention", async () => {
    const { admin, event, club, owner, registrationId } = await meetWithCar();
    await savePaperwork(admin.id, event.slug, paperwork());
    await sign(owner.ownerId, registrationId);
    const details = { emergencyName: "Anna", emergencyPhone: "+491711234567" };
    await db().update(registrations).set({ driverDetails: details }).where(eq(registrations.id, registrationId));
    const endedAgo = (days: number) =>
      db().execute(
        sql`update events set starts_on = current_date - ${days}::int, ends_on = current_date - ${days}::int where id = ${event.id}`,
      );
    const state = async () => {
      const [reg] = await db().select().from(registrations).where(eq(registrations.id, registrationId));
      const signed = await db()
        .select()
        .from(waiverSignatures)
        .where(eq(waiverSignatures.registrationId, registrationId));
      return { details: reg!.driverDetails, signatures: signed.length };
    };
    await endedAgo(20);
    await purgeExpired();
    expect(await state()).toEqual({ details, signatures: 1 });
    await endedAgo(40);
    await purgeExpired();
    expect(await state()).toEqual({ details: null, signatures: 1 });
    await db().update(clubs).set({ waiverRetentionYears: 1 }).where(eq(clubs.id, club.id));
    await endedAgo(400);
    await purgeExpired();
    expect(await state()).toEqual({ details: null, signatures: 0 });
  });
});

describe("a second driver", () => {
  it("gets a mailed link that signs once, and the car's paperwork then counts the signature", async () => {
    const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
    await savePaperwork(meet.admin.id, meet.event.slug, paperwork({ requireEmergencyContact: false }));
    const [owner] = await ownersWithCars(1);
    const made = await registerCar(
      owner!.ownerId,
      form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id], {
        secondDriverName: "Mia Beifahrer",
        secondDriverEmail: "mia@ringmeet.test",
      }),
    );
    if (!made.ok) throw new Error(made.error);
    const [job] = await sqlRows<{ secret: string; recipient: string }>(
      db(),
      sql`select j.payload->>'secret' as secret, m.recipient from graphile_worker._private_jobs j
        join mail_outbox m on m.id::text = j.payload->>'mailId' where m.kind = 'waiverToSign' and m.registration_id = ${made.registrationId}`,
    );
    expect(job!.recipient).toBe("mia@ringmeet.test");
    const linked = (await getLinkedWaiver(job!.secret))!;
    expect(linked).toMatchObject({ used: false, registration: { id: made.registrationId } });
    expect(await statusOf(made.registrationId)).toMatchObject({ missing: ["waiver", "secondDriverWaiver"] });
    const signing = {
      fullName: "Mia Beifahrer",
      signature: null,
      versionId: linked.waiver.id,
      language: "en" as const,
    };
    expect(await signAsSecondDriver(job!.secret, signing, meta)).toMatchObject({ ok: true });
    expect(await signAsSecondDriver(job!.secret, signing, meta)).toBeNull();
    expect(await getLinkedWaiver(job!.secret)).toMatchObject({ used: true });
    expect(await statusOf(made.registrationId)).toMatchObject({ missing: ["waiver"] });
    expect(await getLinkedWaiver("x".repeat(32))).toBeNull();
  });
});
