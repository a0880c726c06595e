import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { zonedMoment } from "@/lib/time";
import { dayFromToday, form, mailJobsFor, openEvent, ownersWithCars } from "@/test/registration";
import { db } from "./client";
import type { MailJob } from "./jobs";
import { sendQueuedMail } from "./registration-mail";
import { cancelRegistration, registerCar } from "./registration-writes";
import { devMail, users } from "./schema";

const DAY = 24 * 3_600_000;
const mailTo = async (email: string) => db().select().from(devMail).where(eq(devMail.to, email.toLowerCase())).orderBy(devMail.createdAt);

async function registered(eventFields: Parameters<typeof openEvent>[0] = {}, extra: Parameters<typeof form>[3] = {}) {
  const { event, sessions } = await openEvent(eventFields);
  const [me] = await ownersWithCars(1);
  const result = await registerCar(me!.ownerId, form(event.id, me!.carIds[0]!, [sessions[0]!.id], extra));
  if (!result.ok) throw new Error(`registration failed: ${result.error}`);
  return { event, sessions, me: me!, id: result.registrationId };
}

describe("mail jobs queued with a registration", () => {
  it("queues one 'registration received' and a reminder two days before the event (09:00 Berlin)", async () => {
    const { event, id } = await registered();
    const jobs = await mailJobsFor(id);
    expect(jobs.map((j) => [j.task, j.kind, j.key])).toEqual([["mail", "registrationReceived", null], ["mail", "reminder", `reminder:${id}`]]);
    expect(jobs[0]!.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(jobs[1]!.runAt).toEqual(new Date(zonedMoment(event.startsOn, "09:00").getTime() - 2 * DAY));
    expect(jobs[0]!.xmin).toBe(jobs[1]!.xmin); // queued in the registering transaction
  });

  it("keeps the reminder at 09:00 Berlin when the clocks change in the two days before", async () => {
    // Monday 29 March 2027: summer time began on Sunday, so 48 hours back from 09:00 CEST is 08:00 CET.
    const { id } = await registered({ startsOn: "2027-03-29", endsOn: "2027-03-29" });
    const reminder = (await mailJobsFor(id)).find((j) => j.kind === "reminder");
    expect(reminder?.runAt).toEqual(new Date("2027-03-27T08:00:00Z"));
  });

  it("queues no reminder when two days before the event has already passed", async () => {
    const { id } = await registered({ startsOn: dayFromToday(1) });
    expect((await mailJobsFor(id)).map((j) => j.kind)).toEqual(["registrationReceived"]);
  });

  it("queues 'cancelled' and withdraws the reminder when the owner cancels", async () => {
    const { me, id } = await registered();
    await cancelRegistration(me.ownerId, id);
    expect((await mailJobsFor(id)).map((j) => j.kind)).toEqual(["registrationReceived", "registrationCancelled"]);
  });

  it("queues nothing for a refused registration (the job would share its transaction)", async () => {
    const { event, sessions, me } = await registered();
    const again = form(event.id, me.carIds[0]!, [sessions[0]!.id]);
    expect(await registerCar(me.ownerId, again)).toMatchObject({ ok: false, error: "errors.carAlreadyRegistered" });
    // The event's only jobs are the first registration's two.
    const jobs = await db().execute(sql`select count(*)::int as n from graphile_worker._private_jobs j
      join registrations r on r.id::text = j.payload->>'registrationId' where r.event_id = ${event.id}`);
    expect((jobs as unknown as { n: number }[])[0]!.n).toBe(2);
  });
});

describe("sending a queued mail (sendQueuedMail)", () => {
  it("sends 'Registration received' to the owner, and to the second driver with a ticket link", async () => {
    const coDriver = `co-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
    const { event, me, id } = await registered({}, { secondDriverName: "Co Driver", secondDriverEmail: coDriver });
    await sendQueuedMail({ kind: "registrationReceived", registrationId: id });
    const mine = await mailTo(me.email);
    expect(mine.map((m) => m.subject)).toEqual([`Registration received: ${event.name}`]);
    expect(mine[0]!.text).toContain("Confirmed");
    expect(mine[0]!.links.some((l) => l.endsWith(`/registrations/${id}`))).toBe(true);
    const theirs = await mailTo(coDriver);
    expect(theirs.map((m) => m.subject)).toEqual([`Registration received: ${event.name}`]);
    expect(theirs[0]!.links.some((l) => l.includes("/tickets/RM1."))).toBe(true);
    expect(theirs[0]!.links.some((l) => l.includes("/registrations/"))).toBe(false);
  });

  it("sends 'Your place is confirmed', in the owner's language, and 'Registration cancelled'", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: 1 }] });
    const [first, second] = await ownersWithCars(2);
    await db().update(users).set({ locale: "de" }).where(eq(users.id, second!.ownerId));
    const a = await registerCar(first!.ownerId, form(event.id, first!.carIds[0]!, [sessions[0]!.id]));
    const b = await registerCar(second!.ownerId, form(event.id, second!.carIds[0]!, [sessions[0]!.id]));
    if (!a.ok || !b.ok) throw new Error("registration failed");
    await cancelRegistration(first!.ownerId, a.registrationId);
    const queued = await mailJobsFor(b.registrationId);
    const promotion = queued.find((j) => j.kind === "placeConfirmed")!;
    await sendQueuedMail({ kind: "placeConfirmed", registrationId: b.registrationId, sessionId: promotion.sessionId! });
    await sendQueuedMail({ kind: "registrationCancelled", registrationId: a.registrationId });
    expect((await mailTo(second!.email)).map((m) => m.subject)).toEqual([`Dein Platz ist bestätigt: ${sessions[0]!.name}`]);
    expect((await mailTo(first!.email)).map((m) => m.subject)).toEqual([`Registration cancelled: ${event.name}`]);
  });

  it("sends no 'place confirmed' once that registration is cancelled", async () => {
    const { sessions, me, id } = await registered();
    await cancelRegistration(me.ownerId, id);
    const job: MailJob = { kind: "placeConfirmed", registrationId: id, sessionId: sessions[0]!.id };
    await sendQueuedMail(job);
    expect(await mailTo(me.email)).toEqual([]);
  });
});
