import { describe, expect, it } from "vitest";
import { zonedMoment } from "@/lib/time";
import { ballot, enterAll } from "@/test/lottery";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { mailJobsFor } from "@/test/mail";
import { publishDraw, runDraw } from "../draws/writes";
import { placesOf } from "./reads";
import { cancelRegistration, changeSessions } from "./writes";

const statusesOf = async (registrationId: string) =>
  (await placesOf(registrationId)).map((p) => [p.sessionId, p.status]);

describe("giving a place back after registration has closed", () => {
  it("works until the event's first day, and the freed place goes to the next car waiting", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "10:00", capacity: 1 }] });
    const [first, second] = await ownersWithCars(2);
    const { registerCar } = await import("./writes");
    const a = await registerCar(first!.ownerId, form(event.id, first!.carIds[0]!, [sessions[0]!.id]));
    const b = await registerCar(second!.ownerId, form(event.id, second!.carIds[0]!, [sessions[0]!.id]));
    if (!a.ok || !b.ok) throw new Error("registration failed");
    const afterClose = new Date(event.registrationClosesAt.getTime() + 60_000);
    // Changing sessions stays bound to the registration window.
    expect(await changeSessions(first!.ownerId, a.registrationId, [sessions[0]!.id], afterClose)).toMatchObject({
      ok: false,
      error: "errors.registrationNotChangeable",
    });
    expect(await cancelRegistration(first!.ownerId, a.registrationId, afterClose)).toMatchObject({ ok: true });
    expect(await statusesOf(b.registrationId)).toEqual([[sessions[0]!.id, "confirmed"]]);
    expect((await mailJobsFor(b.registrationId)).map((j) => j.kind)).toContain("placeConfirmed");
  });

  it("is refused once the event's day has begun", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "10:00", capacity: 2 }] });
    const [me] = await ownersWithCars(1);
    const { registerCar } = await import("./writes");
    const made = await registerCar(me!.ownerId, form(event.id, me!.carIds[0]!, [sessions[0]!.id]));
    if (!made.ok) throw new Error("registration failed");
    expect(
      await cancelRegistration(me!.ownerId, made.registrationId, zonedMoment(event.startsOn, "00:00")),
    ).toMatchObject({ ok: false });
  });

  it("after a published draw: a drawn car gives its place back and the first car of the draw-ordered waiting list gets it", async () => {
    const {
      admin,
      event,
      ids: [a],
      afterClose,
    } = await ballot();
    const owners = await ownersWithCars(2);
    const entries = await enterAll(event.id, owners, [[a], [a]]);
    const run = await runDraw(admin.id, event.slug, afterClose);
    if (!run?.ok) throw new Error("no run");
    expect(await publishDraw(admin.id, event.slug, run.drawId, afterClose)).toMatchObject({ ok: true });
    const places = await Promise.all(entries.map((id) => statusesOf(id)));
    const placed = places.findIndex((p) => p[0]?.[1] === "confirmed");
    const waiting = 1 - placed;
    expect(await cancelRegistration(owners[placed]!.ownerId, entries[placed]!, afterClose)).toMatchObject({ ok: true });
    expect(await statusesOf(entries[waiting]!)).toEqual([[a, "confirmed"]]);
  });

  it("keeps a ballot entry still waiting for its draw as entered, so the draw's input does not change", async () => {
    const {
      event,
      ids: [a],
      afterClose,
    } = await ballot();
    const owners = await ownersWithCars(1);
    const [entry] = await enterAll(event.id, owners, [[a]]);
    expect(await cancelRegistration(owners[0]!.ownerId, entry!, afterClose)).toMatchObject({
      ok: false,
      error: "errors.registrationNotChangeable",
    });
  });
});
