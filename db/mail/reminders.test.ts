import { describe, expect, it } from "vitest";
import { reminderMoment } from "@/lib/reminder";
import { clubEvent, clubWith } from "@/test/clubs";
import { eventInput, sessionForm } from "@/test/event-form";
import { queuedMails } from "@/test/mail";
import { form, mailJobsFor, ownersWithCars } from "@/test/registration";
import { cancelEvent, saveEvent } from "../organiser-events";
import { registerCar } from "../registrations/writes";

const whileOpen = new Date("2031-05-01T10:00:00Z");

/** A published event on 14–15 June 2031 with two cars registered in its paddock session (each with a reminder). */
async function meetWithReminders() {
  const { admin, club } = await clubWith();
  const { event, sessions } = await clubEvent(admin.id, club.id, {}, true);
  const garages = await ownersWithCars(2);
  const ids: string[] = [];
  for (const g of garages) {
    const r = await registerCar(g.ownerId, form(event.id, g.carIds[0]!, [sessions[0]!.id]), whileOpen);
    if (!r.ok) throw new Error(r.error);
    ids.push(r.registrationId);
  }
  return { admin, event, sessions, ids };
}

const reminderOf = async (id: string) => (await mailJobsFor(id)).filter((j) => j.kind === "reminder");

/** The same programme on two other days (registration closing `closes`). */
const movedBy = (sessions: { id: string }[], first: string, second: string, closes = "2031-06-07T00:00") =>
  eventInput({
    startsOn: first,
    endsOn: second,
    registrationClosesAt: closes,
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

describe("reminders follow the event", () => {
  it("are withdrawn when the event is cancelled, and each owner gets the cancellation instead", async () => {
    const { admin, event, ids } = await meetWithReminders();
    for (const id of ids) expect((await reminderOf(id)).map((j) => j.runAt)).toEqual([reminderMoment("2031-06-14")]);
    await cancelEvent(admin.id, event.slug);
    for (const id of ids) expect(await reminderOf(id)).toEqual([]);
    expect(await queuedMails(event.id, "eventCancelled")).toHaveLength(2);
  });

  it("move with the event's first day, and are withdrawn when the new moment has passed", async () => {
    const { admin, event, sessions, ids } = await meetWithReminders();
    expect(
      await saveEvent(admin.id, event.slug, movedBy(sessions, "2031-06-21", "2031-06-22"), false, whileOpen),
    ).toMatchObject({ ok: true });
    for (const id of ids) {
      const [reminder] = await reminderOf(id);
      expect(reminder).toMatchObject({ runAt: new Date("2031-06-19T07:00:00Z"), key: `reminder:${id}` });
    }
    // Saved on 20 June for an event on the 21st: two days before is gone.
    expect(
      await saveEvent(
        admin.id,
        event.slug,
        movedBy(sessions, "2031-06-21", "2031-06-22"),
        false,
        new Date("2031-06-20T10:00:00Z"),
      ),
    ).toMatchObject({ ok: true });
    // Same first day: nothing to move.
    for (const id of ids) expect(await reminderOf(id)).toHaveLength(1);
    expect(
      await saveEvent(
        admin.id,
        event.slug,
        movedBy(sessions, "2031-06-20", "2031-06-21"),
        false,
        new Date("2031-06-19T10:00:00Z"),
      ),
    ).toMatchObject({ ok: true });
    for (const id of ids) expect(await reminderOf(id)).toEqual([]);
  });

  it("are given to registrations that had none once the event moves far enough away", async () => {
    const { admin, event, sessions, ids } = await meetWithReminders();
    expect(
      await saveEvent(
        admin.id,
        event.slug,
        movedBy(sessions, "2031-05-02", "2031-05-03", "2031-05-01T00:00"),
        false,
        whileOpen,
      ),
    ).toMatchObject({ ok: true });
    for (const id of ids) expect(await reminderOf(id)).toEqual([]);
    expect(
      await saveEvent(admin.id, event.slug, movedBy(sessions, "2031-06-14", "2031-06-15"), false, whileOpen),
    ).toMatchObject({ ok: true });
    for (const id of ids) expect((await reminderOf(id)).map((j) => j.runAt)).toEqual([reminderMoment("2031-06-14")]);
  });
});
