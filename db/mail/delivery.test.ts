import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { retryNow, workMailQueue } from "@/test/mail";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { openScratchDatabase } from "@/test/scratch-database";
import { startSmtp } from "@/test/smtp";
import { uniqueEmail } from "@/test/unique";
import { sendBroadcast } from "../broadcasts";
import { db } from "../client";
import { registerCar } from "../registrations/writes";
import { auditLog, mailOutbox } from "../schema";
import { listMailProblems, retryMail } from "./problems";

// A database of its own: working the queue here must not take other files' jobs.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let scratch: Awaited<ReturnType<typeof openScratchDatabase>>;
beforeAll(async () => {
  [smtp, scratch] = await Promise.all([startSmtp(), openScratchDatabase("mail_delivery")]);
  process.env.DATABASE_URL = scratch.url;
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  await smtp?.stop();
  await scratch?.drop();
});

const countTo = (to: string) => smtp.received.filter((m) => m.to === to.toLowerCase()).length;

/** An organiser's event with one owner registered, naming `coDriver` as second driver. */
async function registeredWithCoDriver(coDriver: string) {
  const { admin, club } = await clubWith();
  const { event, sessions } = await openEvent({ clubId: club.id });
  const [me] = await ownersWithCars(1);
  const result = await registerCar(
    me!.ownerId,
    form(event.id, me!.carIds[0]!, [sessions[0]!.id], { secondDriverName: "Co", secondDriverEmail: coDriver }),
  );
  if (!result.ok) throw new Error(result.error);
  return { admin, event, owner: me!.email };
}

describe("one job per recipient, against a real SMTP server", () => {
  it("a second-driver address the server keeps deferring does not repeat the owner's mail, and gets its own once it is taken", async () => {
    const coDriver = uniqueEmail("deferred-co");
    smtp.setMode({ rejectRecipient: (a) => (a === coDriver ? { code: 450, message: "Mailbox busy" } : null) });
    const { owner } = await registeredWithCoDriver(coDriver);
    for (let round = 0; round < 3; round++) {
      await workMailQueue();
      await retryNow();
    }
    expect([countTo(owner), countTo(coDriver)]).toEqual([1, 0]);
    smtp.setMode({});
    await workMailQueue();
    expect([countTo(owner), countTo(coDriver)]).toEqual([1, 1]);
  });

  it("a refused address (5xx) is given up at once and shown under Mail problems with the reason; Retry sends it once", async () => {
    const coDriver = uniqueEmail("refused-co");
    smtp.setMode({ rejectRecipient: (a) => (a === coDriver ? { code: 550, message: "No such user" } : null) });
    const { admin, event, owner } = await registeredWithCoDriver(coDriver);
    await workMailQueue();
    expect(await retryNow()).toBe(0); // nothing left to retry
    expect([countTo(owner), countTo(coDriver)]).toEqual([1, 0]);
    const { problems } = (await listMailProblems(admin.id, event.slug))!;
    expect(problems).toEqual([
      {
        id: expect.any(String),
        kind: "registrationReceived",
        recipient: coDriver,
        subject: `Registration received: ${event.name}`,
        reason: "550 No such user",
        at: expect.any(Date),
      },
    ]);

    smtp.setMode({}); // the address was fixed on the receiving side
    expect(await retryMail(admin.id, event.slug, problems[0]!.id)).toEqual({ ok: true });
    expect(await retryMail(admin.id, event.slug, problems[0]!.id)).toEqual({
      ok: false,
      error: "mailProblems.errors.notStuck",
    });
    await workMailQueue();
    expect([countTo(owner), countTo(coDriver)]).toEqual([1, 1]);
    expect((await listMailProblems(admin.id, event.slug))!.problems).toEqual([]);
    const [row] = await db().select().from(mailOutbox).where(eq(mailOutbox.id, problems[0]!.id));
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    expect(
      await db().$count(
        auditLog,
        sql`${auditLog.eventId} = ${event.id} and ${auditLog.action} = 'mail.retry' and ${auditLog.actorId} = ${admin.id}`,
      ),
    ).toBe(1);
  });
});

describe("an SMTP outage", () => {
  it("during a 200-owner registration burst and a broadcast loses nothing and sends nothing twice once the server is back", async () => {
    const { admin, club } = await clubWith();
    const { event, sessions } = await openEvent({
      clubId: club.id,
      sessions: [{ start: "09:00", end: "12:00", capacity: 250 }],
    });
    const garages = await ownersWithCars(200);
    const coDrivers = garages.filter((_, i) => i % 10 === 0).map(() => uniqueEmail("co"));
    smtp.setMode({ refuseConnections: true });
    const before = { received: smtp.received.length, refused: smtp.refused.connections };

    // The app's worker runs throughout the outage, as in production; the outage lasts until every
    // mail of the burst and the broadcast was tried (and refused) at least once.
    let queued = false;
    const everyMailTried = async () =>
      queued &&
      (await db().$count(mailOutbox, sql`${mailOutbox.eventId} = ${event.id} and ${mailOutbox.attempts} = 0`)) === 0;
    const worker = workMailQueue({ done: everyMailTried, timeoutMs: 100_000 });
    const started = Date.now();
    const results = await Promise.all(
      garages.map((g, i) =>
        registerCar(
          g.ownerId,
          form(
            event.id,
            g.carIds[0]!,
            [sessions[0]!.id],
            i % 10 === 0 ? { secondDriverName: "Co", secondDriverEmail: coDrivers[i / 10]! } : {},
          ),
        ),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const broadcast = await sendBroadcast(admin.id, event.slug, {
      audience: "confirmed",
      sessionId: null,
      subject: `Gate opens at 7 ${event.slug}`,
      body: "Bring your plaque.",
    });
    expect(broadcast).toMatchObject({ ok: true, recipients: 200 });
    queued = true;
    await worker;
    const outage = {
      ms: Date.now() - started,
      refused: smtp.refused.connections - before.refused,
      delivered: smtp.received.length - before.received,
    };
    expect(outage.delivered).toBe(0);
    expect(outage.refused).toBeGreaterThanOrEqual(420);

    smtp.setMode({});
    await retryNow(); // the back-off has passed
    const upAt = Date.now();
    await workMailQueue({ timeoutMs: 100_000 });
    const drainMs = Date.now() - upAt;

    const expected = [
      ...garages.map((g) => `${g.email} | Registration received: ${event.name}`),
      ...coDrivers.map((c) => `${c} | Registration received: ${event.name}`),
      ...garages.map((g) => `${g.email} | Gate opens at 7 ${event.slug}`),
    ].sort();
    const delivered = smtp.received
      .slice(before.received)
      .map((m) => `${m.to} | ${m.subject}`)
      .sort();
    const duplicates = delivered.length - new Set(delivered).size;
    const lost = expected.filter((e) => !delivered.includes(e)).length;
    console.log(
      `[smtp outage] queued ${expected.length} mails (200 registrations, ${coDrivers.length} second drivers, a broadcast to 200); ` +
        `during the outage (${outage.ms} ms): ${outage.refused} tries refused, ${outage.delivered} delivered; ` +
        `after it (${drainMs} ms): ${delivered.length} confirmed by the server, ${duplicates} twice, ${lost} lost`,
    );
    expect(delivered).toEqual(expected);
    expect(new Set(smtp.received.slice(before.received).map((m) => m.messageId)).size).toBe(expected.length);
    expect(
      await db().$count(mailOutbox, sql`${mailOutbox.eventId} = ${event.id} and ${mailOutbox.status} <> 'sent'`),
    ).toBe(0);
  }, 240_000);
});
