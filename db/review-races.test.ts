import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { form, holdRowLocks, openEvent, ownersWithCars, sessionPlaces, waitForWaiters } from "@/test/registration";
import { mailJobsFor } from "@/test/mail";
import { deleteAccount } from "./account";
import { db, sqlClient } from "./client";
import { cancelEvent } from "./organiser-events";
import { cancelRegistration, changeSessions, registerCar } from "./registrations/writes";
import { mailOutbox, registrations, users } from "./schema";

// Races found in review, each lined up with row locks held on a connection of the test's own, so
// the unlucky interleaving happens every time.

/** Waits until `count` backends of this database wait on a lock, whoever holds it. */
async function lockWaiters(count: number, timeoutMs = 15_000) {
  for (const until = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 20))) {
    const [row] =
      await sqlClient()`select count(*)::int as n from pg_stat_activity where datname = current_database() and cardinality(pg_blocking_pids(pid)) > 0`;
    if (row!.n >= count) return;
    if (Date.now() > until) throw new Error(`only ${row!.n} of ${count} transactions wait on a lock`);
  }
}

describe("a registration racing the organiser's cancellation", () => {
  // Failed before: registerCar read the event without a lock, so the cancellation committed
  // while the registration waited for its session, listed the people to tell without it, and the
  // car was then registered, unannounced, in a cancelled event.
  it("is either refused or among the people the cancellation tells", async () => {
    const { admin, club } = await clubWith();
    const { event, sessions } = await openEvent({
      clubId: club.id,
      sessions: [{ start: "09:00", end: "12:00", capacity: 5 }],
    });
    const [owner] = await ownersWithCars(1);
    const holder = await holdRowLocks("event_sessions", [sessions[0]!.id]);
    const registering = registerCar(owner!.ownerId, form(event.id, owner!.carIds[0]!, [sessions[0]!.id]));
    await waitForWaiters([holder.pid], 1);
    const cancelling = cancelEvent(admin.id, event.slug);
    // The cancellation commits at once, or (as it should) waits for the registration.
    await Promise.race([cancelling, lockWaiters(2)]);
    await holder.release();
    const [registered, cancelled] = await Promise.all([registering, cancelling]);

    expect(cancelled).not.toBeNull();
    // Who the cancellation tells: its mails, queued in its own transaction (db/mail/queue.ts).
    const told = (
      await db()
        .select({ recipient: mailOutbox.recipient })
        .from(mailOutbox)
        .where(sql`${mailOutbox.eventId} = ${event.id} and ${mailOutbox.kind} = 'eventCancelled'`)
    ).map((r) => r.recipient);
    const active = await db()
      .select({ email: users.email })
      .from(registrations)
      .innerJoin(users, eq(users.id, registrations.ownerId))
      .where(sql`${registrations.eventId} = ${event.id} and ${registrations.status} = 'active'`);
    for (const { email } of active) expect(told).toContain(email);
    if (!registered.ok) expect(registered.error).toBe("errors.registrationClosed");
  });
});

describe("a chosen session deleted between reading it and locking it", () => {
  // Both failed before: the session went missing from the locked rows and the write went on
  // without it, answering ok with fewer places than chosen.
  type Write = (ownerId: string, eventId: string, carId: string, chosen: string[]) => Promise<() => Promise<unknown>>;
  it.each<[string, Write]>([
    [
      "registerCar",
      async (ownerId, eventId, carId, chosen) => () => registerCar(ownerId, form(eventId, carId, chosen)),
    ],
    [
      "changeSessions",
      async (ownerId, eventId, carId, chosen) => {
        const first = await registerCar(ownerId, form(eventId, carId, [chosen[0]!]));
        if (!first.ok) throw new Error(first.error);
        return () => changeSessions(ownerId, first.registrationId, chosen);
      },
    ],
  ])("refuses %s beside the sessions and writes nothing", async (name, prepare) => {
    const { event, sessions } = await openEvent({
      sessions: [
        { start: "09:00", end: "10:00", capacity: 5 },
        { start: "11:00", end: "12:00", capacity: 5 },
      ],
    });
    // The write locks in id order: it waits on the first while the second is deleted.
    const [first, second] = sessions.map((s) => s.id).sort() as [string, string];
    const [owner] = await ownersWithCars(1);
    const write = await prepare(owner!.ownerId, event.id, owner!.carIds[0]!, [first, second]);
    const before = await sessionPlaces(first);
    const holder = await holdRowLocks("event_sessions", [first]);
    const writing = write();
    await waitForWaiters([holder.pid], 1);
    await sqlClient()`delete from event_sessions where id = ${second}`;
    await holder.release();

    expect(await writing).toEqual({ ok: false, field: "sessionIds", error: "errors.sessionNotInEvent" });
    expect(await sessionPlaces(first)).toEqual(before);
    if (name === "registerCar") {
      expect(await db().select().from(registrations).where(eq(registrations.carId, owner!.carIds[0]!))).toEqual([]);
    }
  });
});

describe("deleting an account", () => {
  // Failed before: the account went, and with it the club's only admin; nobody could manage the
  // club's members or events any more.
  it("is refused while the person is the only admin of a club with other members", async () => {
    const { admin, club, members } = await clubWith(["organiser"]);
    expect(await deleteAccount(admin.id)).toEqual({ ok: false, error: "account.lastAdmin", clubs: [club.name] });
    expect(await db().select({ id: users.id }).from(users).where(eq(users.id, admin.id))).toHaveLength(1);
    // A club of one is not left behind: nobody stays who would need an admin.
    const alone = await clubWith();
    expect(await deleteAccount(alone.admin.id)).toEqual({ ok: true });
    expect(members[0]).toBeDefined();
  });

  it("by two admins at once leaves the club one of them", async () => {
    const { admin, club, members } = await clubWith(["admin", "gate"]);
    const other = members[0]!;
    const outcomes = await Promise.all([deleteAccount(admin.id), deleteAccount(other.id)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toEqual({ ok: false, error: "account.lastAdmin", clubs: [club.name] });
  });

  // Failed before: deleteAccount locked the sessions before the registrations, cancelRegistration
  // the registration before its sessions; lined up, each waited for the other and Postgres killed
  // one of them ("deadlock detected").
  it("while the owner cancels the same registration: both finish, neither is killed as a deadlock", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: 1 }] });
    const s = sessions[0]!.id;
    const [owner, next] = await ownersWithCars(2);
    const mine = await registerCar(owner!.ownerId, form(event.id, owner!.carIds[0]!, [s]));
    const theirs = await registerCar(next!.ownerId, form(event.id, next!.carIds[0]!, [s]));
    if (!mine.ok || !theirs.ok) throw new Error("could not register");
    const holder = await holdRowLocks("event_sessions", [s]);
    const deleting = deleteAccount(owner!.ownerId);
    await waitForWaiters([holder.pid], 1);
    const cancelling = cancelRegistration(owner!.ownerId, mine.registrationId);
    await lockWaiters(2);
    await holder.release();
    const outcomes = await Promise.allSettled([deleting, cancelling]);
    expect(outcomes.map((o) => (o.status === "rejected" ? String(o.reason).slice(0, 200) : "settled"))).toEqual([
      "settled",
      "settled",
    ]);
    expect((await sessionPlaces(s)).map((p) => [p.registrationId, p.status])).toEqual([
      [theirs.registrationId, "confirmed"],
    ]);
    expect((await mailJobsFor(theirs.registrationId)).filter((j) => j.kind === "placeConfirmed")).toHaveLength(1);
  });
});
