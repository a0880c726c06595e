import type { JobHelpers } from "graphile-worker";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { sendRegistrationMails } from "@/test/mail";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { uniqueEmail } from "@/test/unique";
import { db } from "../client";
import { registerCar } from "../registrations/writes";
import { broadcastRecipients, broadcasts, devMail, mailOutbox } from "../schema";
import { mailTasks } from "./tasks";

/** Runs a task the way the worker does for job `id` (the helpers it reads are the job's). */
const runTask = (task: string, payload: object, id: string) =>
  mailTasks[task]!(payload, { job: { id, attempts: 1, max_attempts: 10 } } as unknown as JobHelpers);
const jobId = () => String(Math.floor(Math.random() * 1e12));

async function registered(secondDriverEmail: string | null = null) {
  const { event, sessions } = await openEvent();
  const [me] = await ownersWithCars(1);
  const r = await registerCar(
    me!.ownerId,
    form(event.id, me!.carIds[0]!, [sessions[0]!.id], {
      secondDriverName: secondDriverEmail ? "Co" : null,
      secondDriverEmail,
    }),
  );
  if (!r.ok) throw new Error(r.error);
  return { event, me: me!, id: r.registrationId };
}

describe("jobs that queue mail when they run", () => {
  it("a due reminder queues the owner's mail once, however often its job runs, and it is sent", async () => {
    const { event, me, id } = await registered(uniqueEmail("co"));
    const job = jobId();
    await runTask("mail", { kind: "reminder", registrationId: id }, job);
    await runTask("mail", { kind: "reminder", registrationId: id }, job); // the same job again (a retry)
    const rows = await db()
      .select()
      .from(mailOutbox)
      .where(sql`${mailOutbox.registrationId} = ${id} and ${mailOutbox.kind} = 'reminder'`);
    expect(rows.map((r) => r.recipient)).toEqual([me.email]);
    await sendRegistrationMails(id, "reminder");
    expect((await db().select().from(devMail).where(eq(devMail.to, me.email))).map((m) => m.subject)).toEqual([
      `See you at the Ring: ${event.name}`,
    ]);
  });

  it("a job queued before mail went per recipient becomes one row per recipient, once", async () => {
    const coDriver = uniqueEmail("co");
    const { me, id } = await registered(coDriver);
    const job = jobId();
    for (let i = 0; i < 2; i++) await runTask("mail", { kind: "registrationReceived", registrationId: id }, job);
    const rows = await db()
      .select()
      .from(mailOutbox)
      .where(sql`${mailOutbox.registrationId} = ${id} and ${mailOutbox.dedupeKey} is not null`);
    expect(rows.map((r) => [r.recipient, r.dedupeKey]).sort()).toEqual(
      [
        [coDriver, `job:${job}:secondDriver`],
        [me.email, `job:${job}:owner`],
      ].sort(),
    );
  });

  it("an old broadcast job queues the recipients not yet sent to, once", async () => {
    const { admin, club } = await clubWith();
    const { event } = await openEvent({ clubId: club.id });
    const [b] = await db()
      .insert(broadcasts)
      .values({ eventId: event.id, authorId: admin.id, audience: "confirmed", subject: "Hi", body: "Hello" })
      .returning();
    const [sent, pending] = [uniqueEmail("sent"), uniqueEmail("pending")];
    await db()
      .insert(broadcastRecipients)
      .values([
        { broadcastId: b!.id, email: sent, sentAt: new Date() },
        { broadcastId: b!.id, email: pending },
      ]);
    for (const id of [jobId(), jobId()]) await runTask("broadcast", { broadcastId: b!.id }, id);
    expect(
      (await db().select().from(mailOutbox).where(eq(mailOutbox.eventId, event.id))).map((r) => r.recipient),
    ).toEqual([pending]);
  });
});
