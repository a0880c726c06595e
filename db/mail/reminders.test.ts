import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubEvent, clubWith } from "@/test/clubs";
import { eventInput, sessionForm } from "@/test/event-form";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { mailJobsFor } from "@/test/mail";
import { db } from "../client";
import { cancelEvent, saveEvent } from "../organiser-events";
import { cancelRegistration, registerCar } from "../registrations/writes";
import { registrations } from "../schema";
import { queueDueReminders } from "./reminders";

const whileOpen = new Date("2031-05-01T10:00:00Z");

/** A published event on 14–15 June 2031 with two cars registered in its paddock session. */
async function meet() {
  const { admin, club } = await clubWith();
  const { event, sessions } = await clubEvent(admin.id, club.id, {}, true);
  const garages = await ownersWithCars(2);
  const ids: string[] = [];
  for (const g of garages) {
    const r = await registerCar(g.ownerId, form(event.id, g.carIds[0]!, [sessions[0]!.id]), { now: whileOpen });
    if (!r.ok) throw new Error(r.error);
    ids.push(r.registrationId);
  }
  return { admin, event, sessions, ids, owners: garages };
}

/** The reminders queued for each registration: how many, and their recipients. */
const remindersOf = async (ids: string[]) =>
  Promise.all(ids.map(async (id) => (await mailJobsFor(id)).filter((j) => j.kind === "reminder")));
const counts = async (ids: string[]) => (await remindersOf(ids)).map((r) => r.length);

/** The same programme on two other days. */
const movedBy = (sessions: { id: string }[], first: string, second: string) =>
  eventInput({
    startsOn: first,
    endsOn: second,
    registrationClosesAt: "2031-06-07T00:00",
    sessions: [
      sessionForm({ id: sessions[0]!.id, day: first }),
      sessionForm({
        id: sessions[1]!.id,
        name: "GP track",
        kind: "gp_track",
        day: second,
        start: "10:00",
        end: "11:00",
        capacity: "20",
        noiseLimitDb: "98",
      }),
    ],
  });

describe("reminders, queued by the five-minute cron", () => {
  it("go to each owner holding a place at 09:00 Berlin two days before, once", async () => {
    const { ids, owners } = await meet();
    await queueDueReminders(db(), new Date("2031-06-12T06:59:00Z")); // 08:59 summer time
    expect(await counts(ids)).toEqual([0, 0]);
    await queueDueReminders(db(), new Date("2031-06-12T07:00:00Z"));
    const queued = await remindersOf(ids);
    expect(queued.map((r) => r.map((j) => [j.task, j.to, j.recipient]))).toEqual(
      owners.map((o) => [["sendMail", "owner", o.email]]),
    );
    await queueDueReminders(db(), new Date("2031-06-12T07:05:00Z"));
    await queueDueReminders(db(), new Date("2031-06-13T12:00:00Z"));
    expect(await counts(ids)).toEqual([1, 1]);
  });

  it("skip a cancelled registration, a cancelled event and a registration made after the moment", async () => {
    const { admin, event, ids, owners } = await meet();
    await cancelRegistration(owners[0]!.ownerId, ids[0]!, whileOpen);
    await db()
      .update(registrations)
      .set({ createdAt: new Date("2031-06-12T08:00:00Z") })
      .where(eq(registrations.id, ids[1]!));
    await queueDueReminders(db(), new Date("2031-06-12T09:00:00Z"));
    expect(await counts(ids)).toEqual([0, 0]);
    const other = await meet();
    await cancelEvent(admin.id, event.slug);
    await cancelEvent(other.admin.id, other.event.slug);
    await queueDueReminders(db(), new Date("2031-06-12T09:00:00Z"));
    expect(await counts(other.ids)).toEqual([0, 0]);
  });

  it("follow a moved first day: once more for the new day, at once when moved closer, never on the day", async () => {
    const { admin, event, sessions, ids } = await meet();
    await queueDueReminders(db(), new Date("2031-06-12T07:00:00Z"));
    expect(await saveEvent(admin.id, event.slug, movedBy(sessions, "2031-06-21", "2031-06-22"), false)).toMatchObject({
      ok: true,
    });
    await queueDueReminders(db(), new Date("2031-06-19T06:59:00Z"));
    expect(await counts(ids)).toEqual([1, 1]);
    await queueDueReminders(db(), new Date("2031-06-19T07:00:00Z"));
    expect(await counts(ids)).toEqual([2, 2]);
    // Moved on the 19th to the 20th: two days before has passed, so the reminder goes at once.
    expect(await saveEvent(admin.id, event.slug, movedBy(sessions, "2031-06-20", "2031-06-21"), false)).toMatchObject({
      ok: true,
    });
    await queueDueReminders(db(), new Date("2031-06-19T10:00:00Z"));
    expect(await counts(ids)).toEqual([3, 3]);
    expect(await saveEvent(admin.id, event.slug, movedBy(sessions, "2031-06-23", "2031-06-24"), false)).toMatchObject({
      ok: true,
    });
    await queueDueReminders(db(), new Date("2031-06-23T06:00:00Z")); // the first day itself
    expect(await counts(ids)).toEqual([3, 3]);
  });

  it("keep 09:00 Berlin when the clocks change in the two days before", async () => {
    // Monday 29 March 2027: summer time began on Sunday, so 48 hours back from 09:00 CEST is 08:00 CET.
    const { event, sessions } = await openEvent({ startsOn: "2027-03-29", endsOn: "2027-03-29" });
    const [me] = await ownersWithCars(1);
    const r = await registerCar(me!.ownerId, form(event.id, me!.carIds[0]!, [sessions[0]!.id]));
    if (!r.ok) throw new Error(r.error);
    await queueDueReminders(db(), new Date("2027-03-27T07:59:00Z"));
    expect(await counts([r.registrationId])).toEqual([0]);
    await queueDueReminders(db(), new Date("2027-03-27T08:00:00Z"));
    expect(await counts([r.registrationId])).toEqual([1]);
  });
});

describe("registering", () => {
  it("queues its mail and schedules nothing else", async () => {
    const { ids } = await meet();
    for (const id of ids)
      expect((await mailJobsFor(id)).map((j) => [j.task, j.kind])).toEqual([["sendMail", "registrationReceived"]]);
  });
});
