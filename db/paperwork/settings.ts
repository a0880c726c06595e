import "server-only";
import { textSha256 } from "@/lib/sha256";
import { and, asc, desc, eq, notInArray, sql } from "drizzle-orm";
import type { PaperworkInput } from "@/lib/schemas/paperwork";
import { eventFor } from "../access";
import { queueWaiverChanged } from "../mail/queue";
import { inviteSecondDrivers } from "./second-driver";
import { db } from "../client";
import type { Db, Tx } from "../query";
import { auditLog, eventPaperwork, eventQuestions, waiverSignatures, waiverVersions, type Event } from "../schema";

const versionSha256 = (en: string, de: string) => textSha256(JSON.stringify({ en, de }));

/** The waiver in force (the newest version), or null when the event asks for none. */
export async function currentWaiver(q: Db | Tx, eventId: string) {
  const [latest] = await q
    .select()
    .from(waiverVersions)
    .where(eq(waiverVersions.eventId, eventId))
    .orderBy(desc(waiverVersions.version))
    .limit(1);
  return latest && (latest.textEn || latest.textDe) ? latest : null;
}

/** The event's paperwork as its settings hold it (defaults when never saved). */
export async function paperworkOf(q: Db | Tx, eventId: string) {
  const [[row], waiver, questions] = await Promise.all([
    q.select().from(eventPaperwork).where(eq(eventPaperwork.eventId, eventId)),
    currentWaiver(q, eventId),
    q.select().from(eventQuestions).where(eq(eventQuestions.eventId, eventId)).orderBy(asc(eventQuestions.position)),
  ]);
  return {
    requireLicence: row?.requireLicence ?? false,
    requireEmergencyContact: row?.requireEmergencyContact ?? false,
    requireExperience: row?.requireExperience ?? false,
    noiseLimitDb: row?.noiseLimitDb ?? null,
    waiver,
    questions,
  };
}
export type Paperwork = Awaited<ReturnType<typeof paperworkOf>>;

/** The organiser's page: the event and its paperwork, with how many have signed the text in force. */
export async function getPaperworkSettings(userId: string, slug: string) {
  const event = await eventFor(db(), userId, slug, "editEvent");
  if (!event) return null;
  const paperwork = await paperworkOf(db(), event.id);
  const [counted] = paperwork.waiver
    ? await db()
        .select({ signed: sql<number>`count(*)::int` })
        .from(waiverSignatures)
        .where(eq(waiverSignatures.waiverVersionId, paperwork.waiver.id))
    : [{ signed: 0 }];
  return { event, paperwork, signed: counted?.signed ?? 0 };
}

/** A new version when the text changed: signatures of the old one no longer count (lib/paperwork.ts). */
async function saveWaiver(tx: Tx, event: Event, en: string, de: string): Promise<number | null> {
  const current = await currentWaiver(tx, event.id);
  if ((current?.textEn ?? "") === en && (current?.textDe ?? "") === de) return null;
  const [counted] = await tx
    .select({ next: sql<number>`coalesce(max(${waiverVersions.version}), 0)::int + 1` })
    .from(waiverVersions)
    .where(eq(waiverVersions.eventId, event.id));
  const next = counted?.next ?? 1;
  await tx
    .insert(waiverVersions)
    .values({ eventId: event.id, version: next, textEn: en, textDe: de, sha256: versionSha256(en, de) });
  return next;
}

/** Questions keep their ids (and answers) while they stay; removed ones go with their answers. */
async function saveQuestions(tx: Tx, eventId: string, questions: PaperworkInput["questions"]) {
  const kept = questions.map((q) => q.id).filter((id): id is string => !!id);
  await tx
    .delete(eventQuestions)
    .where(and(eq(eventQuestions.eventId, eventId), kept.length ? notInArray(eventQuestions.id, kept) : sql`true`));
  for (const [position, q] of questions.entries()) {
    const values = { eventId, position, text: q.text, kind: q.kind, choices: q.choices, required: q.required };
    const updated = q.id
      ? await tx
          .update(eventQuestions)
          .set(values)
          .where(and(eq(eventQuestions.id, q.id), eq(eventQuestions.eventId, eventId)))
          .returning({ id: eventQuestions.id })
      : [];
    // An id from another event (a forged form) is not updated there: the question is added here.
    if (updated.length === 0) await tx.insert(eventQuestions).values(values);
  }
}

/** Saves the paperwork; null when the user may not edit the event. Returns the new waiver version, if any. */
export async function savePaperwork(userId: string, slug: string, input: PaperworkInput) {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "editEvent", true);
    if (!event) return null;
    const settings = {
      requireLicence: input.requireLicence,
      requireEmergencyContact: input.requireEmergencyContact,
      requireExperience: input.requireExperience,
      noiseLimitDb: input.noiseLimitDb,
      updatedAt: new Date(),
    };
    await tx
      .insert(eventPaperwork)
      .values({ eventId: event.id, ...settings })
      .onConflictDoUpdate({ target: eventPaperwork.eventId, set: settings });
    const newVersion = await saveWaiver(tx, event, input.waiverEn, input.waiverDe);
    // Those who signed an earlier text are told why their signature no longer counts.
    if (newVersion && newVersion > 1 && (input.waiverEn || input.waiverDe))
      await queueWaiverChanged(tx, event.id, newVersion);
    // Second drivers have no account to find the waiver in: each gets a link to sign it.
    if (newVersion) await inviteSecondDrivers(tx, event.id);
    await saveQuestions(tx, event.id, input.questions);
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "paperwork.save",
      detail: { waiverVersion: newVersion, questions: input.questions.length },
    });
    return { ok: true as const, event, newVersion };
  });
}
