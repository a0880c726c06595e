import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { form, openEvent, ownersWithCars, sessionPlaces } from "@/test/registration";
import { db } from "../client";
import { sqlRows } from "../query";
import { cars, eventSessions, events, registrations } from "../schema";
import { readRegistration, registrationVerdict, writeRegistration } from "./batched";
import { registerCar } from "./writes";

// registerCar's two-round-trip path: the reads, then a write batch that re-checks the event, the
// car and the sessions it read. Each test changes a row between the two, as an organiser or the
// owner might in that millisecond, and checks nothing was written and the transaction decides.

const rowsOf = (eventId: string) => db().select().from(registrations).where(eq(registrations.eventId, eventId));
const mailsOf = (eventId: string) =>
  sqlRows<{ kind: string }>(db(), sql`select kind from mail_outbox where event_id = ${eventId}`);

async function readAndJudge() {
  const { event, sessions } = await openEvent({
    sessions: [
      { start: "09:00", end: "10:00", capacity: 1 },
      { start: "11:00", end: "12:00", capacity: 1 },
    ],
  });
  const [me] = await ownersWithCars(1);
  const input = form(
    event.id,
    me!.carIds[0]!,
    sessions.map((s) => s.id),
  );
  const reads = await readRegistration(me!.ownerId, input);
  expect(registrationVerdict(reads, me!.ownerId, input, new Date())).toMatchObject({ event: { id: event.id } });
  const write = () => writeRegistration({ found: reads.found!, car: reads.car! }, me!.ownerId, input);
  return { event, sessions, me: me!, input, write };
}

describe("registration in two round trips", () => {
  it("writes the row, its places, its mail in one batch when nothing changed", async () => {
    const { event, sessions, write } = await readAndJudge();
    const result = await write();
    expect(result).toMatchObject({ ok: true, eventSlug: event.slug });
    const [row] = await rowsOf(event.id);
    expect(row?.id).toBe(result?.ok && result.registrationId);
    for (const s of sessions) expect((await sessionPlaces(s.id)).map((p) => p.status)).toEqual(["confirmed"]);
    expect(await mailsOf(event.id)).toEqual([{ kind: "registrationReceived" }]);
  });

  it("writes nothing when the organiser closed registration after the reads; the transaction refuses", async () => {
    const { event, me, input, write } = await readAndJudge();
    await db()
      .update(events)
      .set({ registrationClosesAt: new Date(Date.now() - 1000) })
      .where(eq(events.id, event.id));
    expect(await write()).toBeNull();
    expect(await rowsOf(event.id)).toEqual([]);
    expect(await mailsOf(event.id)).toEqual([]);
    expect(await registerCar(me.ownerId, input)).toMatchObject({ ok: false, error: "errors.registrationClosed" });
  });

  it("writes nothing when the car changed hands after the reads", async () => {
    const { event, me, input, write } = await readAndJudge();
    const [other] = await ownersWithCars(1);
    await db().update(cars).set({ ownerId: other!.ownerId }).where(eq(cars.id, input.carId));
    expect(await write()).toBeNull();
    expect(await rowsOf(event.id)).toEqual([]);
    expect(await registerCar(me.ownerId, input)).toMatchObject({ ok: false, error: "errors.carNotYours" });
  });

  it("writes nothing when a chosen session was removed after the reads", async () => {
    const { event, sessions, me, input, write } = await readAndJudge();
    await db().delete(eventSessions).where(eq(eventSessions.id, sessions[1]!.id));
    expect(await write()).toBeNull();
    expect(await rowsOf(event.id)).toEqual([]);
    expect(await sessionPlaces(sessions[0]!.id)).toEqual([]);
    expect(await registerCar(me.ownerId, input)).toMatchObject({
      ok: false,
      field: "sessionIds",
      error: "errors.sessionNotInEvent",
    });
  });

  it("still takes the place when only another car's registration changed the sessions", async () => {
    const { event, sessions, input, write } = await readAndJudge();
    const [rival] = await ownersWithCars(1);
    expect(await registerCar(rival!.ownerId, form(event.id, rival!.carIds[0]!, [sessions[0]!.id]))).toMatchObject({
      ok: true,
    });
    // Places are counted under the lock in the batch: the first session is full now, so it waits.
    expect(await write()).toMatchObject({ ok: true });
    expect((await sessionPlaces(sessions[0]!.id)).map((p) => p.status)).toEqual(["confirmed", "waiting"]);
    expect((await sessionPlaces(sessions[1]!.id)).map((p) => p.status)).toEqual(["confirmed"]);
    expect((await rowsOf(event.id)).map((r) => r.carId)).toContain(input.carId);
  });
});
