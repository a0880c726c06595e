import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { form, openEvent, ownersWithCars, sessionPlaces } from "@/test/registration";
import { mailJobsFor } from "@/test/mail";
import { db } from "../client";
import { registrations } from "../schema";
import { cancelRegistration, registerCar } from "./writes";

const rowsOf = (eventId: string) => db().select().from(registrations).where(eq(registrations.eventId, eventId));

describe("the same register form submitted twice (idempotency key)", () => {
  it("makes one registration when the form is sent again after the first answer", async () => {
    const { event, sessions } = await openEvent();
    const [me] = await ownersWithCars(1);
    const input = form(event.id, me!.carIds[0]!, [sessions[0]!.id]);
    const first = await registerCar(me!.ownerId, input);
    const again = await registerCar(me!.ownerId, input);
    expect(first.ok).toBe(true);
    expect(again).toMatchObject({ ok: true, registrationId: (first as { registrationId: string }).registrationId });
    const rows = await rowsOf(event.id);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([input.idempotencyKey]);
    expect(await sessionPlaces(sessions[0]!.id)).toHaveLength(1);
    expect((await mailJobsFor(rows[0]!.id)).filter((j) => j.kind === "registrationReceived")).toHaveLength(1);
  });

  it("makes one registration when the copies race (a retry while the first is still running)", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "10:00", capacity: 1 }] });
    const [me] = await ownersWithCars(1);
    const input = form(event.id, me!.carIds[0]!, [sessions[0]!.id]);
    const results = await Promise.all(Array.from({ length: 6 }, () => registerCar(me!.ownerId, { ...input })));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.registrationId : "")));
    expect(ids.size).toBe(1);
    const rows = await rowsOf(event.id);
    expect(rows.map((r) => r.id)).toEqual([...ids]);
    expect(await sessionPlaces(sessions[0]!.id)).toMatchObject([{ registrationId: rows[0]!.id, status: "confirmed" }]);
    expect((await mailJobsFor(rows[0]!.id)).map((j) => j.kind)).toEqual(["registrationReceived"]);
  });

  it("still answers with the registration when a timed-out request is retried after it was cancelled", async () => {
    const { event, sessions } = await openEvent();
    const [me] = await ownersWithCars(1);
    const input = form(event.id, me!.carIds[0]!, [sessions[0]!.id]);
    const first = await registerCar(me!.ownerId, input);
    if (!first.ok) throw new Error("registration failed");
    expect(await cancelRegistration(me!.ownerId, first.registrationId)).toMatchObject({
      ok: true,
      registrationId: (first as { registrationId: string }).registrationId,
    });
    expect(await registerCar(me!.ownerId, input)).toMatchObject({
      ok: true,
      registrationId: (first as { registrationId: string }).registrationId,
    });
    expect((await rowsOf(event.id)).map((r) => r.status)).toEqual(["cancelled"]);
    // A new form (new key) registers the car again.
    const fresh = await registerCar(me!.ownerId, { ...input, idempotencyKey: randomUUID() });
    expect(fresh.ok && fresh.registrationId !== first.registrationId).toBe(true);
  });

  it("refuses another owner replaying someone's key, and writes nothing for them", async () => {
    const { event, sessions } = await openEvent();
    const [me, other] = await ownersWithCars(2);
    const mine = form(event.id, me!.carIds[0]!, [sessions[0]!.id]);
    const first = await registerCar(me!.ownerId, mine);
    const theirs = { ...form(event.id, other!.carIds[0]!, [sessions[0]!.id]), idempotencyKey: mine.idempotencyKey };
    expect(await registerCar(other!.ownerId, theirs)).toEqual({
      ok: false,
      field: "form",
      error: "errors.formReplayed",
    });
    const [racedA, racedB] = await Promise.all([registerCar(other!.ownerId, theirs), registerCar(me!.ownerId, mine)]);
    expect(racedA).toEqual({ ok: false, field: "form", error: "errors.formReplayed" });
    expect(racedB).toMatchObject({ ok: true, registrationId: (first as { registrationId: string }).registrationId });
    const rows = await rowsOf(event.id);
    expect(rows.map((r) => [r.ownerId, r.carId])).toEqual([[me!.ownerId, me!.carIds[0]]]);
    expect(await sessionPlaces(sessions[0]!.id)).toHaveLength(1);
  });

  it("refuses a stranger's key even when both forms race from the start", async () => {
    const { event, sessions } = await openEvent();
    const [me, other] = await ownersWithCars(2);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      registerCar(me!.ownerId, form(event.id, me!.carIds[0]!, [sessions[0]!.id], { idempotencyKey: key })),
      registerCar(other!.ownerId, form(event.id, other!.carIds[0]!, [sessions[0]!.id], { idempotencyKey: key })),
    ]);
    // Exactly one of them owns the key; the other is told the form was replayed, not "car taken".
    const outcomes = [a, b].map((r) => (r.ok ? "ok" : r.error)).sort();
    expect(outcomes).toEqual(["errors.formReplayed", "ok"]);
    const rows = await rowsOf(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idempotencyKey).toBe(key);
  });
});
