import "server-only";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { allocate, hashInput, hashResult, lotteryStats } from "@/lib/lottery";
import { eventFor } from "./access";
import { db } from "./client";
import { enqueueTask, type LotteryMailJob } from "./jobs";
import { entriesOf } from "./lottery-entries";
import { lockSessions, type Tx } from "./places";
import { auditLog, draws, eventSessions, events, registrations, registrationSessions, type Event } from "./schema";
import { isUuid } from "@/lib/uuid";

export type DrawError = "lottery.errors.notLottery" | "lottery.errors.stillOpen" | "lottery.errors.alreadyPublished" | "lottery.errors.entriesChanged" | "lottery.errors.noRun";
type DrawWrite = { ok: true; drawId: string } | { ok: false; error: DrawError } | null;

/** The event, locked, when the user may run its draw; draws of one event are thereby serialised. */
const lockLotteryEvent = (tx: Tx, userId: string, slug: string) => eventFor(tx, userId, slug, "publishEvent", true);

async function refusal(tx: Tx, event: Event, now: Date): Promise<DrawError | null> {
  if (event.allocation !== "lottery") return "lottery.errors.notLottery";
  if (now < event.registrationClosesAt) return "lottery.errors.stillOpen";
  const [published] = await tx.select({ id: draws.id }).from(draws).where(and(eq(draws.eventId, event.id), isNotNull(draws.publishedAt)));
  return published ? "lottery.errors.alreadyPublished" : null;
}

async function drawInput(tx: Tx, eventId: string) {
  const sessions = await tx.select({ id: eventSessions.id, capacity: eventSessions.capacity }).from(eventSessions).where(eq(eventSessions.eventId, eventId));
  return { sessions, entries: await entriesOf(tx, eventId) };
}

/** Runs the draw with a seed and keeps the run (an organiser may run it again before publishing). */
export async function runDraw(userId: string, slug: string, seed: string, now = new Date()): Promise<DrawWrite> {
  return db().transaction(async (tx) => {
    const event = await lockLotteryEvent(tx, userId, slug);
    if (!event) return null;
    const refused = await refusal(tx, event, now);
    if (refused) return { ok: false, error: refused };
    const result = allocate({ seed, ...(await drawInput(tx, event.id)) });
    const [run] = await tx.insert(draws).values({
      eventId: event.id, seed, algorithm: result.algorithm, inputHash: result.inputHash, resultHash: hashResult(result),
      stats: lotteryStats(result), result, runBy: userId, createdAt: now,
    }).returning({ id: draws.id });
    await tx.insert(auditLog).values({ eventId: event.id, actorId: userId, action: "draw.run", detail: { drawId: run!.id, seed }, createdAt: now });
    return { ok: true, drawId: run!.id };
  });
}

/** Waiting places in the draw's order: sequence numbers taken in one statement, handed out in order. */
async function insertWaiting(tx: Tx, sessionId: string, registrationIds: string[]) {
  if (registrationIds.length === 0) return;
  const seqs = (await tx.execute(sql`select nextval('registration_wait_seq')::bigint as n from generate_series(1, ${registrationIds.length})`)) as unknown as { n: string }[];
  const ordered = seqs.map((r) => Number(r.n)).sort((a, b) => a - b);
  await tx.insert(registrationSessions).values(registrationIds.map((registrationId, i) => ({ registrationId, sessionId, status: "waiting" as const, waitSeq: ordered[i]! })));
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
    const [run] = isUuid(drawId) ? await tx.select().from(draws).where(and(eq(draws.id, drawId), eq(draws.eventId, event.id))) : [];
    if (!run) return { ok: false, error: "lottery.errors.noRun" };
    const input = await drawInput(tx, event.id);
    if (hashInput(input) !== run.inputHash) return { ok: false, error: "lottery.errors.entriesChanged" };
    await lockSessions(tx, input.sessions.map((s) => s.id));
    for (const session of run.result.sessions) {
      if (session.placed.length) await tx.insert(registrationSessions).values(session.placed.map((registrationId) => ({ registrationId, sessionId: session.id, status: "confirmed" as const })));
      await insertWaiting(tx, session.id, session.waiting);
    }
    const positions = run.result.entries.map((e) => sql`(${e.id}::uuid, ${e.drawPosition}::int)`);
    if (positions.length) await tx.execute(sql`update registrations r set draw_position = v.pos from (values ${sql.join(positions, sql`, `)}) as v(id, pos) where r.id = v.id`);
    await tx.update(draws).set({ publishedAt: now }).where(eq(draws.id, run.id));
    for (const e of run.result.entries) await enqueueTask(tx, "lotteryMail", { kind: "drawResult", registrationId: e.id } satisfies LotteryMailJob);
    await tx.insert(auditLog).values({ eventId: event.id, actorId: userId, action: "draw.publish", detail: { drawId: run.id, seed: run.seed }, createdAt: now });
    return { ok: true, drawId: run.id };
  });
}

/** The organiser's draw page: the event, its sessions and every run, newest first. */
export async function getDrawAdmin(userId: string, slug: string) {
  const event = await eventFor(db(), userId, slug, "publishEvent");
  if (!event) return null;
  const [sessions, runs, [entries]] = await Promise.all([
    db().select().from(eventSessions).where(eq(eventSessions.eventId, event.id)).orderBy(asc(eventSessions.startsAt)),
    db().select({ id: draws.id, seed: draws.seed, algorithm: draws.algorithm, inputHash: draws.inputHash, resultHash: draws.resultHash, stats: draws.stats, createdAt: draws.createdAt, publishedAt: draws.publishedAt })
      .from(draws).where(eq(draws.eventId, event.id)).orderBy(desc(draws.createdAt)),
    db().select({ n: sql<number>`count(*)::int` }).from(registrations).where(and(eq(registrations.eventId, event.id), eq(registrations.status, "active"))),
  ]);
  return { event, sessions, runs, entries: entries?.n ?? 0 };
}

/** The published draw of a public event (no personal data), and the viewer's own draw positions. */
export async function getPublicDraw(slug: string, userId: string | null) {
  const [event] = await db().select().from(events).where(and(eq(events.slug, slug), sql`${events.status} <> 'draft'`));
  if (!event) return null;
  const [published] = await db().select().from(draws).where(and(eq(draws.eventId, event.id), isNotNull(draws.publishedAt)));
  if (!published) return { event, draw: null, sessions: [], mine: [] };
  const { result: _personal, ...draw } = published;
  const sessions = await db().select({ id: eventSessions.id, name: eventSessions.name }).from(eventSessions).where(eq(eventSessions.eventId, event.id)).orderBy(asc(eventSessions.startsAt));
  const mine = userId ? await db().select({ id: registrations.id, drawPosition: registrations.drawPosition }).from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.ownerId, userId), isNotNull(registrations.drawPosition))) : [];
  return { event, draw, sessions, mine };
}
