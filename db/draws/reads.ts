import "server-only";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { canonicalJson, drawInputOf, seedCommitment } from "@/lib/lottery";
import { eventFor } from "../access";
import { db } from "../client";
import { drawCommitments, draws, eventSessions, events, registrations } from "../schema";
import { isUuid } from "@/lib/uuid";

// Public columns of a commitment (never the seed: it shows up with the runs) and of a run (no result, no runner).
const commitmentColumns = {
  seedHash: drawCommitments.seedHash,
  inAdvance: drawCommitments.inAdvance,
  committedAt: drawCommitments.committedAt,
};
const runColumns = {
  id: draws.id,
  seed: draws.seed,
  algorithm: draws.algorithm,
  inputHash: draws.inputHash,
  resultHash: draws.resultHash,
  stats: draws.stats,
  createdAt: draws.createdAt,
  publishedAt: draws.publishedAt,
  hasInput: sql<boolean>`${draws.input} is not null`,
};
const commitmentOf = async (eventId: string) =>
  (await db().select(commitmentColumns).from(drawCommitments).where(eq(drawCommitments.eventId, eventId)))[0] ?? null;

/** The organiser's draw page: the event, its sessions, the seed's commitment and every run, newest first. */
export async function getDrawAdmin(userId: string, slug: string) {
  const event = await eventFor(db(), userId, slug, "publishEvent");
  if (!event) return null;
  const [sessions, runs, [entries], commitment] = await Promise.all([
    db().select().from(eventSessions).where(eq(eventSessions.eventId, event.id)).orderBy(asc(eventSessions.startsAt)),
    db().select(runColumns).from(draws).where(eq(draws.eventId, event.id)).orderBy(desc(draws.createdAt)),
    db()
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "active"))),
    commitmentOf(event.id),
  ]);
  return { event, sessions, runs, entries: entries?.n ?? 0, commitment };
}

/**
 * A public event's draw, for anyone: the seed's commitment (null for a draw published before
 * commitments existed), every run in order with its seed and whether that seed is the committed
 * one, the published run, and the viewer's own draw positions. No personal data.
 */
export async function getPublicDraw(slug: string, userId: string | null) {
  const [event] = await db()
    .select()
    .from(events)
    .where(and(eq(events.slug, slug), sql`${events.status} <> 'draft'`));
  if (!event) return null;
  const [commitment, runs, sessions, mine] = await Promise.all([
    commitmentOf(event.id),
    db().select(runColumns).from(draws).where(eq(draws.eventId, event.id)).orderBy(asc(draws.createdAt)),
    db()
      .select({ id: eventSessions.id, name: eventSessions.name })
      .from(eventSessions)
      .where(eq(eventSessions.eventId, event.id))
      .orderBy(asc(eventSessions.startsAt)),
    userId
      ? db()
          .select({ id: registrations.id, drawPosition: registrations.drawPosition })
          .from(registrations)
          .where(
            and(
              eq(registrations.eventId, event.id),
              eq(registrations.ownerId, userId),
              isNotNull(registrations.drawPosition),
            ),
          )
      : [],
  ]);
  // Checked against the public hash, as a visitor would: the seed column itself is never read here.
  const checked = runs.map((r) => ({
    ...r,
    committed: commitment !== null && seedCommitment(r.seed) === commitment.seedHash,
  }));
  return { event, commitment, runs: checked, draw: checked.find((r) => r.publishedAt) ?? null, sessions, mine };
}

export type PublicDraw = NonNullable<Awaited<ReturnType<typeof getPublicDraw>>>;

/**
 * One run's public files, as their hashes were made: the input (ids, rankings, capacities; no
 * names) and the result, each the exact text whose SHA-256 the draw page shows. Null for an
 * unknown run, a draft event, or a run made before inputs were kept (input null).
 */
export async function getDrawFiles(
  slug: string,
  drawId: string,
): Promise<{ input: string | null; result: string } | null> {
  if (!isUuid(drawId)) return null;
  const [row] = await db()
    .select({ input: draws.input, result: draws.result })
    .from(draws)
    .innerJoin(events, eq(events.id, draws.eventId))
    .where(and(eq(draws.id, drawId), eq(events.slug, slug), sql`${events.status} <> 'draft'`));
  if (!row) return null;
  // jsonb keeps neither key order nor spacing: the canonical text is written again.
  return { input: row.input ? JSON.stringify(drawInputOf(row.input)) : null, result: canonicalJson(row.result) };
}
