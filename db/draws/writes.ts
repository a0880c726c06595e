import "server-only";
import { settleEvent } from "../payments/charges";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { ALGORITHM_VERSION, allocate, drawInputOf, hashInput, hashResult, lotteryStats } from "@/lib/lottery";
import { eventFor } from "../access";
import { db } from "../client";
import { entriesOf } from "../registrations/lottery-entries";
import { enqueueMail } from "../mail/queue";
import { lockSessions } from "../registrations/places";
import { sqlRows, type Tx } from "../query";
import { consume } from "../rate-limit";
import { auditLog, drawCommitments, draws, eventSessions, registrationSessions, type Event } from "../schema";
import { isUuid } from "@/lib/uuid";

export type DrawError =
  | "lottery.errors.notLottery"
  | "lottery.errors.stillOpen"
  | "lottery.errors.alreadyPublished"
  | "lottery.errors.entriesChanged"
  | "lottery.errors.noRun"
  | "lottery.errors.seedNotCommitted"
  | "lottery.errors.rateLimited";
type DrawWrite = { ok: true; drawId: string } | { ok: false; error: DrawError } | null;

/** The event, locked, when the user may run its draw; draws of one event are thereby serialised. */
const lockLotteryEvent = (tx: Tx, userId: string, slug: string) => eventFor(tx, userId, slug, "publishEvent", true);

async function refusal(tx: Tx, event: Event, now: Date): Promise<DrawError | null> {
  if (event.allocation !== "lottery") return "lottery.errors.notLottery";
  if (now < event.registrationClosesAt) return "lottery.errors.stillOpen";
  const [published] = await tx
    .select({ id: draws.id })
    .from(draws)
    .where(and(eq(draws.eventId, event.id), isNotNull(draws.publishedAt)));
  return published ? "lottery.errors.alreadyPublished" : null;
}

async function drawInput(tx: Tx, eventId: string) {
  const sessions = await tx
    .select({ id: eventSessions.id, capacity: eventSessions.capacity })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, eventId));
  return { sessions, entries: await entriesOf(tx, eventId) };
}

/**
 * The committed seed. Every event has one from its creation (a trigger, migration 0006) except
 * those whose draw was published before commitments existed, which never reach this point.
 */
async function committedSeed(tx: Tx, eventId: string): Promise<string> {
  const [row] = await tx
    .select({ seed: drawCommitments.seed })
    .from(drawCommitments)
    .where(eq(drawCommitments.eventId, eventId));
  if (!row) throw new Error(`event ${eventId} has no draw commitment`);
  return row.seed;
}

/**
 * Runs the draw with the event's committed seed and keeps the run. The result depends only on the
 * seed and the entries, so with unchanged entries this returns the run already made (idempotent);
 * a new run appears only when the entries changed, and the public page shows both.
 */
export async function runDraw(userId: string, slug: string, now = new Date()): Promise<DrawWrite> {
  return db().transaction(async (tx) => {
    const event = await lockLotteryEvent(tx, userId, slug);
    if (!event) return null;
    const refused = await refusal(tx, event, now);
    if (refused) return { ok: false, error: refused };
    // Runs are cheap to repeat and each is kept for good: a bounded number an hour per event.
    if (!(await consume("drawRunsPerEvent", event.id)).ok) return { ok: false, error: "lottery.errors.rateLimited" };
    const [seed, input] = await Promise.all([committedSeed(tx, event.id), drawInput(tx, event.id)]);
    const [same] = await tx
      .select({ id: draws.id })
      .from(draws)
      .where(
        and(
          eq(draws.eventId, event.id),
          eq(draws.seed, seed),
          eq(draws.algorithm, ALGORITHM_VERSION),
          eq(draws.inputHash, hashInput(input)),
        ),
      );
    if (same) return { ok: true, drawId: same.id };
    const result = allocate({ seed, ...input });
    const [run] = await tx
      .insert(draws)
      .values({
        eventId: event.id,
        seed,
        algorithm: result.algorithm,
        inputHash: result.inputHash,
        resultHash: hashResult(result),
        stats: lotteryStats(result),
        result,
        input: drawInputOf(input),
        runBy: userId,
        createdAt: now,
      })
      .returning({ id: draws.id });
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "draw.run",
      detail: { drawId: run!.id, seed, inputHash: result.inputHash },
      createdAt: now,
    });
    return { ok: true, drawId: run!.id };
  });
}

/** Waiting places in the draw's order: sequence numbers taken in one statement, handed out in order. */
async function insertWaiting(tx: Tx, sessionId: string, registrationIds: string[]) {
  if (registrationIds.length === 0) return;
  const seqs = await sqlRows<{ n: string }>(
    tx,
    sql`select nextval('registration_wait_seq')::bigint as n from generate_series(1, ${registrationIds.length})`,
  );
  const ordered = seqs.map((r) => Number(r.n)).sort((a, b) => a - b);
  await tx.insert(registrationSessions).values(
    registrationIds.map((registrationId, i) => ({
      registrationId,
      sessionId,
      status: "waiting" as const,
      waitSeq: ordered[i]!,
    })),
  );
}

/**
 * Publishes a run: its places are confirmed, everyone else waits in draw order, each entry learns
 * its draw position and gets a mail. Refused when the entries differ from the run's input.
 */
export async function publishDraw(userId: string, slug: string, drawId: string, now = new Date()): Promise<DrawWrite> {
  return db().transaction(async (tx) => {
    const event = await lockLotteryEvent(tx, userId, slug);
    if (!event) return null;
    const refused = await refusal(tx, event, now);
    if (refused) return { ok: false, error: refused };
    const [run] = isUuid(drawId)
      ? await tx
          .select()
          .from(draws)
          .where(and(eq(draws.id, drawId), eq(draws.eventId, event.id)))
      : [];
    if (!run) return { ok: false, error: "lottery.errors.noRun" };
    if (run.seed !== (await committedSeed(tx, event.id)))
      return { ok: false, error: "lottery.errors.seedNotCommitted" };
    const input = await drawInput(tx, event.id);
    if (hashInput(input) !== run.inputHash) return { ok: false, error: "lottery.errors.entriesChanged" };
    await lockSessions(
      tx,
      input.sessions.map((s) => s.id),
    );
    for (const session of run.result.sessions) {
      if (session.placed.length)
        await tx.insert(registrationSessions).values(
          session.placed.map((registrationId) => ({
            registrationId,
            sessionId: session.id,
            status: "confirmed" as const,
          })),
        );
      await insertWaiting(tx, session.id, session.waiting);
    }
    const positions = run.result.entries.map((e) => sql`(${e.id}::uuid, ${e.drawPosition}::int)`);
    if (positions.length)
      await tx.execute(
        sql`update registrations r set draw_position = v.pos from (values ${sql.join(positions, sql`, `)}) as v(id, pos) where r.id = v.id`,
      );
    await tx.update(draws).set({ publishedAt: now }).where(eq(draws.id, run.id));
    await settleEvent(tx, event.id);
    for (const e of run.result.entries) await enqueueMail(tx, { kind: "drawResult", registrationId: e.id });
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "draw.publish",
      detail: { drawId: run.id, seed: run.seed },
      createdAt: now,
    });
    return { ok: true, drawId: run.id };
  });
}
