import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet } from "@/test/clubs";
import { form, ownersWithCars } from "@/test/registration";
import { updateProfile } from "../account";
import { db } from "../client";
import { changeSessions, registerCar } from "../registrations/writes";
import { getRosterEvent, rosterPage } from "../roster/reads";
import { DEFAULT_ROSTER_QUERY, type RosterQuery } from "@/lib/roster/query";
import { cars, eventQuestions, eventSessions, registrationAnswers, registrations, users } from "../schema";
import { savePaperwork } from "./settings";
import { meetWithCar, paperwork, sign } from "@/test/paperwork";

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
