import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { uniqueEmail } from "@/test/unique";
import { db } from "../client";
import { sqlRows } from "../query";
import { registerCar } from "../registrations/writes";
import { auditLog, mailOutbox } from "../schema";
import { drainAll } from "./outbox";
import { listMailProblems, retryMail } from "./problems";

/** An event of a club with an organiser and gate staff, its one registration's mail queued, and a stranger organiser. */
async function eventWithMail() {
  const {
    admin,
    club,
    members: [organiser, gate],
  } = await clubWith(["organiser", "gate"]);
  const { admin: stranger } = await clubWith(["organiser"]);
  const { event, sessions } = await openEvent({ clubId: club.id });
  const [owner] = await ownersWithCars(1);
  const registered = await registerCar(owner!.ownerId, form(event.id, owner!.carIds[0]!, [sessions[0]!.id]));
  if (!registered.ok) throw new Error(registered.error);
  const [queued] = await db().select().from(mailOutbox).where(eq(mailOutbox.registrationId, registered.registrationId));
  await drainAll(db()); // its job made, as an app process would within a second
  return { admin, organiser: organiser!, gate: gate!, stranger, event, queued: queued! };
}

/** A mail given up on at once (a 5xx), written as the sender writes it. */
async function failedMail(eventId: string, reason = "550 5.1.1 No such user") {
  const [row] = await db()
    .insert(mailOutbox)
    .values({
      kind: "eventCancelled",
      recipient: uniqueEmail("gone"),
      eventId,
      status: "failed",
      attempts: 1,
      lastError: reason,
      failedAt: new Date(),
    })
    .returning();
  return row!;
}

describe("the Mail problems list", () => {
  it("shows mail given up on, and mail whose job is spent, but not mail on its way or sent", async () => {
    const { organiser, event, queued } = await eventWithMail();
    expect((await listMailProblems(organiser.id, event.slug))!.problems).toEqual([]);
    const failed = await failedMail(event.id);
    // The process died during the last try: graphile-worker's job is spent, the row still says queued.
    await db().execute(
      sql`update graphile_worker._private_jobs set attempts = max_attempts, last_error = 'Connection timeout' where key = ${`mail:${queued.id}`}`,
    );
    await db()
      .insert(mailOutbox)
      .values({
        kind: "eventCancelled",
        recipient: uniqueEmail("fine"),
        eventId: event.id,
        status: "sent",
        sentAt: new Date(),
      });
    const { problems } = (await listMailProblems(organiser.id, event.slug))!;
    expect(problems.map((p) => [p.id, p.recipient, p.reason])).toEqual(
      expect.arrayContaining([
        [failed.id, failed.recipient, "550 5.1.1 No such user"],
        [queued.id, queued.recipient, "Connection timeout"],
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it("Retry queues the mail again with a fresh job, audited, once; the list no longer shows it", async () => {
    const { admin, event } = await eventWithMail();
    const failed = await failedMail(event.id);
    expect(await retryMail(admin.id, event.slug, failed.id)).toEqual({ ok: true });
    const [job] = await sqlRows<{ payload: { mailId: string }; attempts: number; max_attempts: number }>(
      db(),
      sql`select payload, attempts, max_attempts from graphile_worker._private_jobs where key = ${`mail:${failed.id}`}`,
    );
    expect(job).toEqual({ payload: { mailId: failed.id }, attempts: 0, max_attempts: 10 });
    expect((await db().select().from(mailOutbox).where(eq(mailOutbox.id, failed.id)))[0]).toMatchObject({
      status: "queued",
      failedAt: null,
    });
    expect((await listMailProblems(admin.id, event.slug))!.problems).toEqual([]);
    expect(await retryMail(admin.id, event.slug, failed.id)).toEqual({
      ok: false,
      error: "mailProblems.errors.notStuck",
    });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.eventId} = ${event.id} and ${auditLog.action} = 'mail.retry'`);
    expect(audit.map((a) => [a.actorId, a.detail])).toEqual([
      [admin.id, { mailId: failed.id, kind: "eventCancelled", recipient: failed.recipient }],
    ]);
  });

  it("is for the event's organisers and admins only: gate staff and another club's organiser get 'not found', and nothing changes", async () => {
    const { gate, stranger, event } = await eventWithMail();
    const failed = await failedMail(event.id);
    for (const who of [gate, stranger]) {
      expect(await listMailProblems(who.id, event.slug)).toBeNull();
      expect(await retryMail(who.id, event.slug, failed.id)).toBeNull();
    }
    expect(await retryMail(gate.id, event.slug, "not-a-uuid")).toBeNull();
    expect((await db().select().from(mailOutbox).where(eq(mailOutbox.id, failed.id)))[0]!.status).toBe("failed");
    expect(
      await db().$count(auditLog, sql`${auditLog.eventId} = ${event.id} and ${auditLog.action} = 'mail.retry'`),
    ).toBe(0);
  });

  it("does not retry another event's mail through an event the organiser may manage", async () => {
    const { admin, event } = await eventWithMail();
    const other = await eventWithMail();
    const theirs = await failedMail(other.event.id);
    expect(await retryMail(admin.id, event.slug, theirs.id)).toEqual({
      ok: false,
      error: "mailProblems.errors.notStuck",
    });
    expect((await db().select().from(mailOutbox).where(eq(mailOutbox.id, theirs.id)))[0]!.status).toBe("failed");
  });
});
