import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet, clubWith } from "@/test/clubs";
import { sendQueued } from "@/test/mail";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { db } from "./client";
import { sqlRows } from "./query";
import { listBroadcasts, sendBroadcast } from "./broadcasts";
import { registerCar } from "./registrations/writes";
import { auditLog, broadcastRecipients, devMail } from "./schema";

/** The broadcast's queued mails: recipient and the transaction that queued each. */
async function broadcastJobs(broadcastId: string) {
  return await sqlRows<{ recipient: string; xmin: string }>(
    db(),
    sql`select m.recipient, m.xmin::text as xmin from mail_outbox m where m.kind = 'broadcast' and m.payload->>'broadcastId' = ${broadcastId} order by m.recipient`,
  );
}

/** Session A (capacity 1) and B; owner 0 has two cars (both confirmed), owner 1 waits for A, owner 2 is in B. */
async function meet() {
  const { admin, gate, event, sessions } = await clubMeet([
    { start: "09:00", end: "10:00", capacity: 1 },
    { start: "11:00", end: "12:00", capacity: 5 },
  ]);
  const [a, b] = sessions.map((s) => s.id) as [string, string];
  const [twoCars] = await ownersWithCars(1, 2);
  const [waiter, other] = await ownersWithCars(2);
  await registerCar(twoCars!.ownerId, form(event.id, twoCars!.carIds[0]!, [a]));
  await registerCar(twoCars!.ownerId, form(event.id, twoCars!.carIds[1]!, [b]));
  await registerCar(waiter!.ownerId, form(event.id, waiter!.carIds[0]!, [a]));
  await registerCar(other!.ownerId, form(event.id, other!.carIds[0]!, [b]));
  return {
    admin,
    gate: gate!,
    event,
    a,
    b,
    emails: [twoCars!.email, waiter!.email, other!.email].map((e) => e.toLowerCase()),
  };
}
const message = { subject: "Gate opens at 7", body: "Bring your plaque." };

describe("broadcasts", () => {
  it("reach each owner of the audience once, one job each in the sending transaction, and are sent once even when retried", async () => {
    const {
      admin,
      event,
      a,
      emails: [both, waiter, other],
    } = await meet();
    const confirmed = await sendBroadcast(admin.id, event.slug, { audience: "confirmed", sessionId: null, ...message });
    expect(confirmed).toMatchObject({ ok: true, recipients: 2 });
    const id = (confirmed as { broadcastId: string }).broadcastId;
    const recipients = await db().select().from(broadcastRecipients).where(eq(broadcastRecipients.broadcastId, id));
    expect(recipients.map((r) => r.email).sort()).toEqual([both, other].sort());
    expect(
      await sendBroadcast(admin.id, event.slug, { audience: "waiting", sessionId: null, ...message }),
    ).toMatchObject({ recipients: 1 });
    expect(await sendBroadcast(admin.id, event.slug, { audience: "session", sessionId: a, ...message })).toMatchObject({
      recipients: 2,
    });

    const jobs = await broadcastJobs(id);
    expect(jobs.map((j) => j.recipient)).toEqual([both, other].sort());
    const [written] = await sqlRows<{ xmin: string }>(db(), sql`select xmin::text from broadcasts where id = ${id}`);
    expect(jobs.every((j) => j.xmin === written!.xmin)).toBe(true);

    const mine = sql`m.kind = 'broadcast' and m.payload->>'broadcastId' = ${id}`;
    expect(await sendQueued(mine)).toBe(2);
    expect(await sendQueued(mine)).toBe(0); // a job that runs again finds its mail sent
    for (const email of [both!, other!]) expect(await db().$count(devMail, eq(devMail.to, email))).toBe(1);
    expect(await db().$count(devMail, eq(devMail.to, waiter!))).toBe(0);
    const list = await listBroadcasts(admin.id, event.slug);
    expect(list!.broadcasts.find((x) => x.broadcast.id === id)!.recipients.every((r) => r.sentAt)).toBe(true);
    expect(await db().$count(auditLog, eq(auditLog.eventId, event.id))).toBe(3);
  });

  it("refuse a session of another event and an audience with nobody in it, writing nothing", async () => {
    const { admin, event } = await meet();
    const other = await openEvent();
    expect(
      await sendBroadcast(admin.id, event.slug, { audience: "session", sessionId: other.sessions[0]!.id, ...message }),
    ).toEqual({ ok: false, field: "sessionId", error: "broadcast.errors.session" });
    const empty = await openEvent({ clubId: event.clubId });
    expect(
      await sendBroadcast(admin.id, empty.event.slug, { audience: "confirmed", sessionId: null, ...message }),
    ).toEqual({ ok: false, field: "audience", error: "broadcast.errors.nobody" });
    expect((await listBroadcasts(admin.id, event.slug))!.broadcasts).toHaveLength(0);
    expect((await listBroadcasts(admin.id, empty.event.slug))!.broadcasts).toHaveLength(0);
  });

  it("are for the event's organisers only", async () => {
    const { gate, event } = await meet();
    const { admin: stranger } = await clubWith();
    expect(await sendBroadcast(gate.id, event.slug, { audience: "confirmed", sessionId: null, ...message })).toBeNull();
    expect(
      await sendBroadcast(stranger.id, event.slug, { audience: "confirmed", sessionId: null, ...message }),
    ).toBeNull();
    expect(await listBroadcasts(gate.id, event.slug)).toBeNull();
  });
});
