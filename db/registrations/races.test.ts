import { describe, expect, it } from "vitest";
import { form, holdRowLocks, openEvent, ownersWithCars, sessionPlaces, waitForWaiters } from "@/test/registration";
import { changeCar } from "./change-car";
import { cancelRegistration, changeSessions, registerCar } from "./writes";

const listOf = async (sessionId: string) =>
  (await sessionPlaces(sessionId)).map((p) => [p.registrationId, p.status, p.position]);

describe("writes line up on the session lock", () => {
  it("registerCar waits for a session another transaction has locked, and counts its places after", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: 1 }] });
    const s = sessions[0]!.id;
    const [a, b] = await ownersWithCars(2);
    const holder = await holdRowLocks("event_sessions", [s]);
    const pending = registerCar(a!.ownerId, form(event.id, a!.carIds[0]!, [s]));
    await waitForWaiters([holder.pid], 1); // it is queued on the lock, not racing past it
    expect(await sessionPlaces(s)).toEqual([]);
    await holder.release();
    const first = await pending;
    const second = await registerCar(b!.ownerId, form(event.id, b!.carIds[0]!, [s]));
    expect((await sessionPlaces(s)).map((p) => [p.registrationId, p.status])).toEqual([
      [first.ok && first.registrationId, "confirmed"],
      [second.ok && second.registrationId, "waiting"],
    ]);
  });

  // Both fail today: changeSessions and cancelRegistration read the registration's places before
  // they lock the sessions, so a promotion committed in between is missed. The car's now confirmed
  // place is deleted as if it were a waiting one, nobody moves up, and the place stays empty while
  // others wait.
  it.each([
    ["drops the session", (ownerId: string, id: string, keep: string) => changeSessions(ownerId, id, [keep])],
    ["cancels", (ownerId: string, id: string) => cancelRegistration(ownerId, id)],
  ])("passes the place on when a car promoted a moment ago %s", async (_, leave) => {
    const { event, sessions } = await openEvent({
      sessions: [
        { start: "09:00", end: "10:00", capacity: 1 },
        { start: "11:00", end: "12:00", capacity: 5 },
      ],
    });
    const [s1, s2] = sessions.map((x) => x.id) as [string, string];
    const [x, y, z] = await ownersWithCars(3);
    const ids: string[] = [];
    for (const [g, chosen] of [
      [x!, [s1]],
      [y!, [s1, s2]],
      [z!, [s1]],
    ] as const) {
      const r = await registerCar(g.ownerId, form(event.id, g.carIds[0]!, [...chosen]));
      if (!r.ok) throw new Error(r.error);
      ids.push(r.registrationId);
    }
    const [xId, yId, zId] = ids as [string, string, string];
    expect(await listOf(s1)).toEqual([
      [xId, "confirmed", null],
      [yId, "waiting", 1],
      [zId, "waiting", 2],
    ]);

    // X cancels (which promotes Y) while Y is leaving S1; X's transaction gets the lock first.
    const holder = await holdRowLocks("event_sessions", [s1]);
    const cancelling = cancelRegistration(x!.ownerId, xId);
    const [xPid] = await waitForWaiters([holder.pid], 1);
    const leaving = leave(y!.ownerId, yId, s2);
    await waitForWaiters([holder.pid, xPid!], 2);
    await holder.release();
    expect(await cancelling).toMatchObject({ ok: true, registrationId: xId });
    expect(await leaving).toMatchObject({ ok: true, registrationId: yId });

    expect(await listOf(s1)).toEqual([[zId, "confirmed", null]]);
  });

  // Fails today: changeCar checks "is the car free?" with a plain read and then updates, so two
  // swaps to the same car race into the unique index and the loser throws instead of being told.
  it("swaps two registrations to the same car at once: one is told the car is taken, nothing throws", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: 5 }] });
    for (let round = 0; round < 3; round++) {
      const [me] = await ownersWithCars(1, 3);
      const [a, b, spare] = me!.carIds as [string, string, string];
      const regs: string[] = [];
      for (const carId of [a, b]) {
        const r = await registerCar(me!.ownerId, form(event.id, carId, [sessions[0]!.id]));
        if (!r.ok) throw new Error(r.error);
        regs.push(r.registrationId);
      }
      // Both swaps queue on the car's row, then run side by side once it is free.
      const holder = await holdRowLocks("cars", [spare]);
      const swaps = Promise.allSettled(regs.map((id) => changeCar(me!.ownerId, id, spare)));
      await waitForWaiters([holder.pid], 2);
      await holder.release();
      const outcomes = (await swaps).map((s) =>
        s.status === "rejected" ? `threw: ${String(s.reason).slice(0, 120)}` : s.value.ok ? "ok" : s.value.error,
      );
      expect(outcomes.sort()).toEqual(["errors.carAlreadyRegistered", "ok"]);
    }
  });
});
