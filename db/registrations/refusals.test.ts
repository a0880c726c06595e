import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, dayKey, zonedMoment } from "@/lib/time";
import { pointAppAt, pointAppBack } from "@/test/app-database";
import { openScratchDatabase } from "@/test/scratch-database";

// Refusals are checked against whole-table counts (registrations, places, queued jobs), so this
// file runs on a database of its own where no parallel test file writes.
type Helpers = typeof import("@/test/registration");
let scratch: Awaited<ReturnType<typeof openScratchDatabase>>;
let writes: typeof import("./writes") & typeof import("./change-car");
let h: Helpers;

beforeAll(async () => {
  scratch = await openScratchDatabase("ringmeet_refusals");
  const url = new URL(inject("adminUrl"));
  url.pathname = `/${scratch.name}`;
  await pointAppAt(url.href);
  writes = { ...(await import("./writes")), ...(await import("./change-car")) };
  h = await import("@/test/registration");
});
afterAll(async () => {
  await pointAppBack();
  await scratch?.drop();
});

const HOUR = 3_600_000;
const refused = (field: string, error: string) => ({ ok: false, field, error });

/** Runs a write that must be refused and checks that not one row, place or mail job was written. */
async function expectNothingWritten(write: () => Promise<unknown>, expected: unknown) {
  const before = await h.writeCounts();
  await expect(write()).resolves.toEqual(expected);
  expect(await h.writeCounts()).toEqual(before);
}

describe("registerCar refuses bad input with a clear result and writes nothing", () => {
  it.each([
    [
      "the window has closed",
      { registrationOpensAt: new Date(Date.now() - 48 * HOUR), registrationClosesAt: new Date(Date.now() - HOUR) },
    ],
    [
      "the window is not open yet",
      { registrationOpensAt: new Date(Date.now() + HOUR), registrationClosesAt: new Date(Date.now() + 48 * HOUR) },
    ],
    ["the event is a draft", { status: "draft" as const }],
    ["the event is cancelled", { status: "cancelled" as const }],
    ["the event allocates by lottery", { allocation: "lottery" as const }],
    ["the event is over", { startsOn: addDays(dayKey(new Date()), -3), endsOn: addDays(dayKey(new Date()), -2) }],
  ])("when %s", async (_, fields) => {
    const { event, sessions } = await h.openEvent(fields);
    const [me] = await h.ownersWithCars(1);
    await expectNothingWritten(
      () => writes.registerCar(me!.ownerId, h.form(event.id, me!.carIds[0]!, [sessions[0]!.id])),
      refused("form", "errors.registrationClosed"),
    );
  });

  it("for an event that does not exist", async () => {
    const [me] = await h.ownersWithCars(1);
    await expectNothingWritten(
      () => writes.registerCar(me!.ownerId, h.form(randomUUID(), me!.carIds[0]!, [randomUUID()])),
      refused("form", "errors.registrationClosed"),
    );
  });

  it("for a session of another event, or one that does not exist", async () => {
    const { event, sessions } = await h.openEvent();
    const other = await h.openEvent();
    const [me] = await h.ownersWithCars(1);
    for (const ids of [[other.sessions[0]!.id], [sessions[0]!.id, other.sessions[0]!.id], [randomUUID()]]) {
      await expectNothingWritten(
        () => writes.registerCar(me!.ownerId, h.form(event.id, me!.carIds[0]!, ids)),
        refused("sessionIds", "errors.sessionNotInEvent"),
      );
    }
  });

  it("for a model the event does not admit", async () => {
    const { event, sessions } = await h.openEvent({ eligibleModels: ["bmw-m2-g87"] });
    const [me] = await h.ownersWithCars(1, 1, "bmw-1m-e82");
    await expectNothingWritten(
      () => writes.registerCar(me!.ownerId, h.form(event.id, me!.carIds[0]!, [sessions[0]!.id])),
      refused("carId", "errors.carNotEligible"),
    );
    const [m2] = await h.ownersWithCars(1, 1, "bmw-m2-g87");
    expect(await writes.registerCar(m2!.ownerId, h.form(event.id, m2!.carIds[0]!, [sessions[0]!.id]))).toMatchObject({
      ok: true,
    });
  });

  it("for a car that is not the owner's, or no car at all", async () => {
    const { event, sessions } = await h.openEvent();
    const [me, other] = await h.ownersWithCars(2);
    for (const carId of [other!.carIds[0]!, randomUUID()]) {
      await expectNothingWritten(
        () => writes.registerCar(me!.ownerId, h.form(event.id, carId, [sessions[0]!.id])),
        refused("carId", "errors.carNotYours"),
      );
    }
  });

  it("for a car already registered in the event, one after the other or racing", async () => {
    const { event, sessions } = await h.openEvent({
      sessions: [
        { start: "09:00", end: "10:00", capacity: 5 },
        { start: "11:00", end: "12:00", capacity: 5 },
      ],
    });
    const [me, racer] = await h.ownersWithCars(2);
    expect(await writes.registerCar(me!.ownerId, h.form(event.id, me!.carIds[0]!, [sessions[0]!.id]))).toMatchObject({
      ok: true,
    });
    await expectNothingWritten(
      () => writes.registerCar(me!.ownerId, h.form(event.id, me!.carIds[0]!, [sessions[1]!.id])),
      refused("carId", "errors.carAlreadyRegistered"),
    );
    const before = await h.writeCounts();
    const raced = await Promise.all(
      [0, 1].map((i) => writes.registerCar(racer!.ownerId, h.form(event.id, racer!.carIds[0]!, [sessions[i]!.id]))),
    );
    expect(raced.map((r) => (r.ok ? "ok" : r.error)).sort()).toEqual(["errors.carAlreadyRegistered", "ok"]);
    expect((await h.writeCounts()).registrations).toBe(before.registrations + 1);
  });

  it("for clashing sessions, too many sessions and no session", async () => {
    const { event, sessions } = await h.openEvent({
      maxSessionsPerCar: 2,
      sessions: [
        { start: "09:00", end: "11:00", capacity: 3 },
        { start: "10:30", end: "12:00", capacity: 3 },
        { start: "11:00", end: "12:00", capacity: 3 },
        { start: "13:00", end: "14:00", capacity: 3 },
      ],
    });
    const [me] = await h.ownersWithCars(1);
    const [a, b, c, d] = sessions.map((s) => s.id);
    const register = (ids: string[]) => () => writes.registerCar(me!.ownerId, h.form(event.id, me!.carIds[0]!, ids));
    await expectNothingWritten(register([a!, b!]), refused("sessionIds", "errors.sessionsClash"));
    await expectNothingWritten(register([a!, c!, d!]), refused("sessionIds", "errors.sessionsTooMany"));
    await expectNothingWritten(register([]), refused("sessionIds", "errors.sessionsNone"));
    // Touching end to start is no clash, and a session named twice counts once.
    const ok = await register([a!, c!, c!])();
    expect(ok).toMatchObject({ ok: true });
    expect((await h.sessionPlaces(c!)).map((p) => p.status)).toEqual(["confirmed"]);
  });
});

describe("changes to a registration refuse what registering refuses", () => {
  it("refuses a stranger, a malformed id, a clash and a closed window, writing nothing", async () => {
    const { event, sessions } = await h.openEvent({
      sessions: [
        { start: "09:00", end: "11:00", capacity: 1 },
        { start: "10:00", end: "12:00", capacity: 1 },
      ],
    });
    const [me, stranger] = await h.ownersWithCars(2);
    const made = await writes.registerCar(me!.ownerId, h.form(event.id, me!.carIds[0]!, [sessions[0]!.id]));
    if (!made.ok) throw new Error("registration failed");
    const id = made.registrationId;
    const notChangeable = refused("form", "errors.registrationNotChangeable");
    await expectNothingWritten(() => writes.changeSessions(stranger!.ownerId, id, [sessions[1]!.id]), notChangeable);
    await expectNothingWritten(() => writes.cancelRegistration(stranger!.ownerId, id), notChangeable);
    await expectNothingWritten(() => writes.changeCar(stranger!.ownerId, id, stranger!.carIds[0]!), notChangeable);
    await expectNothingWritten(
      () => writes.changeSessions(me!.ownerId, "not-a-uuid", [sessions[1]!.id]),
      notChangeable,
    );
    await expectNothingWritten(
      () =>
        writes.changeSessions(
          me!.ownerId,
          id,
          sessions.map((s) => s.id),
        ),
      refused("sessionIds", "errors.sessionsClash"),
    );
    await expectNothingWritten(
      () => writes.changeSessions(me!.ownerId, id, []),
      refused("sessionIds", "errors.sessionsNone"),
    );
    await expectNothingWritten(
      () => writes.changeCar(me!.ownerId, id, stranger!.carIds[0]!),
      refused("carId", "errors.carNotYours"),
    );
    const afterClose = new Date(event.registrationClosesAt.getTime() + 1000);
    await expectNothingWritten(
      () => writes.changeSessions(me!.ownerId, id, [sessions[1]!.id], afterClose),
      notChangeable,
    );
    // Giving the place back outlives the window (until the event's day), changing it does not.
    const onTheDay = zonedMoment(event.startsOn, "08:00");
    await expectNothingWritten(() => writes.cancelRegistration(me!.ownerId, id, onTheDay), notChangeable);
  });
});
