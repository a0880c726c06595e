import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { devMailTo, mailJobsFor, sendRegistrationMails } from "@/test/mail";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { uniqueEmail } from "@/test/unique";
import { formatWhen } from "@/lib/time";
import { db } from "../client";
import { sqlRows } from "../query";
import { cancelRegistration, registerCar } from "../registrations/writes";
import { events, users } from "../schema";
import { drainAll } from "./outbox";
import { queueRegistrationMail } from "./queue";

async function registered(eventFields: Parameters<typeof openEvent>[0] = {}, extra: Parameters<typeof form>[3] = {}) {
  const { event, sessions } = await openEvent(eventFields);
  const [me] = await ownersWithCars(1);
  const result = await registerCar(me!.ownerId, form(event.id, me!.carIds[0]!, [sessions[0]!.id], extra));
  if (!result.ok) throw new Error(`registration failed: ${result.error}`);
  return { event, sessions, me: me!, id: result.registrationId };
}

describe("mail queued with a registration", () => {
  it("queues one 'registration received' in the registering transaction; the drain makes its job", async () => {
    const { id } = await registered();
    const [mail, ...rest] = await mailJobsFor(id);
    expect(rest).toEqual([]);
    expect([mail!.task, mail!.kind, mail!.to]).toEqual(["sendMail", "registrationReceived", "owner"]);
    const [reg] = await sqlRows<{ xmin: string }>(db(), sql`select xmin::text from registrations where id = ${id}`);
    expect(mail!.xmin).toBe(reg!.xmin);
    await drainAll(db());
    // Made by the drain, in a transaction of its own: the registration never waited for it.
    const [job] = await sqlRows<{ xmin: string }>(
      db(),
      sql`select xmin::text from graphile_worker._private_jobs where key = ${mail!.key}`,
    );
    expect(job!.xmin).not.toBe(reg!.xmin);
    expect((await mailJobsFor(id))[0]!.xmin).toBe(reg!.xmin); // the drain leaves the mail's row alone
  });

  it("queues one job per recipient: the owner's and the second driver's, in the registering transaction", async () => {
    const coDriver = uniqueEmail("co");
    const { me, id } = await registered({}, { secondDriverName: "Co Driver", secondDriverEmail: coDriver });
    const mails = (await mailJobsFor(id)).filter((j) => j.kind === "registrationReceived");
    expect(mails.map((j) => [j.to, j.recipient])).toEqual([
      ["owner", me.email],
      ["secondDriver", coDriver],
    ]);
    expect(new Set(mails.map((j) => j.key)).size).toBe(2);
    expect(mails[0]!.xmin).toBe(mails[1]!.xmin);
  });

  it("queues 'cancelled' when the owner cancels", async () => {
    const { me, id } = await registered();
    await cancelRegistration(me.ownerId, id);
    expect((await mailJobsFor(id)).map((j) => j.kind)).toEqual(["registrationReceived", "registrationCancelled"]);
  });

  it("queues nothing for a refused registration (the job would share its transaction)", async () => {
    const { event, sessions, me } = await registered();
    const again = form(event.id, me.carIds[0]!, [sessions[0]!.id]);
    expect(await registerCar(me.ownerId, again)).toMatchObject({ ok: false, error: "errors.carAlreadyRegistered" });
    // The event's only mail is the first registration's one, and no job waits to queue more.
    const [row] = await sqlRows<{ mails: number; later: number }>(
      db(),
      sql`select (select count(*) from mail_outbox where event_id = ${event.id})::int as mails,
      (select count(*) from graphile_worker._private_jobs j join registrations r on r.id::text = j.payload->>'registrationId' where r.event_id = ${event.id})::int as later`,
    );
    expect(row).toEqual({ mails: 1, later: 0 });
  });
});

describe("composing a queued mail when it is sent", () => {
  it("sends 'Registration received' to the owner, and to the second driver with a ticket link", async () => {
    const coDriver = uniqueEmail("co");
    const { event, me, id } = await registered({}, { secondDriverName: "Co Driver", secondDriverEmail: coDriver });
    expect(await sendRegistrationMails(id)).toBe(2);
    const mine = await devMailTo(me.email);
    expect(mine.map((m) => m.subject)).toEqual([`Registration received: ${event.name}`]);
    expect(mine[0]!.text).toContain("Confirmed");
    expect(mine[0]!.links.some((l) => l.endsWith(`/registrations/${id}`))).toBe(true);
    const theirs = await devMailTo(coDriver);
    expect(theirs.map((m) => m.subject)).toEqual([`Registration received: ${event.name}`]);
    expect(theirs[0]!.links.some((l) => l.includes("/tickets/RM1."))).toBe(true);
    expect(theirs[0]!.links.some((l) => l.includes("/registrations/"))).toBe(false);
    expect(await sendRegistrationMails(id)).toBe(0); // sent: nothing left to send
  });

  it("sends 'Your place is confirmed', in the owner's language, and 'Registration cancelled'", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: 1 }] });
    const [first, second] = await ownersWithCars(2);
    await db().update(users).set({ locale: "de" }).where(eq(users.id, second!.ownerId));
    const a = await registerCar(first!.ownerId, form(event.id, first!.carIds[0]!, [sessions[0]!.id]));
    const b = await registerCar(second!.ownerId, form(event.id, second!.carIds[0]!, [sessions[0]!.id]));
    if (!a.ok || !b.ok) throw new Error("registration failed");
    await cancelRegistration(first!.ownerId, a.registrationId);
    await sendRegistrationMails(b.registrationId, "placeConfirmed");
    await sendRegistrationMails(a.registrationId, "registrationCancelled");
    const promoted = await devMailTo(second!.email);
    expect(promoted.map((m) => m.subject)).toEqual([`Dein Platz ist bestätigt: ${sessions[0]!.name}`]);
    // The session's start as a German reader reads it, in Berlin: "Sa., 14. Juni, 09:00".
    expect(promoted[0]!.text).toContain(formatWhen(sessions[0]!.startsAt, "de", { year: false }));
    expect(promoted[0]!.text).toMatch(/\b[A-Z][a-z]\., \d{1,2}\. [A-Z][a-zä]+\.?, 09:00\b/);
    expect((await devMailTo(first!.email)).map((m) => m.subject)).toEqual([`Registration cancelled: ${event.name}`]);
  });

  it("sends no 'place confirmed' once that registration is cancelled, and records it as skipped", async () => {
    const { sessions, me, id } = await registered();
    await cancelRegistration(me.ownerId, id);
    await queueRegistrationMail(db(), { kind: "placeConfirmed", registrationId: id, sessionId: sessions[0]!.id });
    await sendRegistrationMails(id, "placeConfirmed");
    expect(await devMailTo(me.email)).toEqual([]);
    const [row] = await sqlRows<{ status: string }>(
      db(),
      sql`select status from mail_outbox where registration_id = ${id} and kind = 'placeConfirmed'`,
    );
    expect(row!.status).toBe("skipped");
  });

  it("sends no reminder for a cancelled event", async () => {
    const { event, me, id } = await registered();
    await db().update(events).set({ status: "cancelled" }).where(eq(events.id, event.id));
    await queueRegistrationMail(db(), { kind: "reminder", registrationId: id });
    await sendRegistrationMails(id, "reminder");
    expect(await devMailTo(me.email)).toEqual([]);
  });
});
