import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "../client";
import { myActiveRegistration } from "../registrations/reads";
import { refuse, type Result } from "../result";
import { lockActiveOfOwner } from "../registrations/locks";
import type { Tx } from "../query";
import { events, registrations, users, waiverSignatures, waiverVersions, type WaiverVersion } from "../schema";
import { textSha256 } from "@/lib/sha256";
import { currentWaiver } from "./settings";
import { isUuid } from "@/lib/uuid";

export type Signing = {
  fullName: string;
  /** A PNG data URL of the drawn signature, or null: the typed name alone signs too. */
  signature: string | null;
  /** The version the signer read: a text changed meanwhile is not signed unseen. */
  versionId: string;
  language: "en" | "de";
};
export type SigningMeta = { ipAddress: string | null; userAgent: string | null };

/** The owner's registration with its event's waiver in force and the owner's signature of it, if any. */
export async function getWaiverToSign(userId: string, registrationId: string) {
  const row = await myActiveRegistration(userId, registrationId);
  if (!row) return null;
  const waiver = await currentWaiver(db(), row.event.id);
  if (!waiver) return null;
  const [signed] = await db()
    .select()
    .from(waiverSignatures)
    .where(
      and(
        eq(waiverSignatures.registrationId, registrationId),
        eq(waiverSignatures.waiverVersionId, waiver.id),
        eq(waiverSignatures.signer, "driver"),
      ),
    );
  return { ...row, waiver, signed: signed ?? null };
}

/**
 * Stores one signature of `waiver` as signed: the SHA-256 of the text in the signer's language,
 * the name, the drawing, the address and the browser (the driver's and a second driver's alike).
 */
export async function recordSignature(
  tx: Tx,
  registrationId: string,
  waiver: WaiverVersion,
  signer: "driver" | "second_driver",
  email: string | null,
  signing: Signing,
  meta: SigningMeta,
): Promise<string> {
  const [created] = await tx
    .insert(waiverSignatures)
    .values({
      registrationId,
      waiverVersionId: waiver.id,
      signer,
      fullName: signing.fullName,
      email,
      signature: signing.signature,
      textSha256: textSha256(signing.language === "de" ? waiver.textDe : waiver.textEn),
      language: signing.language,
      ipAddress: meta.ipAddress,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: waiverSignatures.id });
  return created!.id;
}

/**
 * The driver signs the waiver in force. Stored for good (a trigger refuses any change): the
 * version, the SHA-256 of the text in the signer's language, the name, the drawing, the moment,
 * the address and the browser. Signing the same version twice keeps the first signature.
 */
export async function signWaiver(
  userId: string,
  registrationId: string,
  signing: Signing,
  meta: SigningMeta,
): Promise<Result<{ signatureId: string }> | null> {
  return db().transaction(async (tx) => {
    const reg = await lockActiveOfOwner(tx, userId, registrationId);
    if (!reg) return null;
    const waiver = await currentWaiver(tx, reg.eventId);
    if (!waiver) return null;
    if (waiver.id !== signing.versionId) return refuse("errors.waiverChanged");
    const [done] = await tx
      .select({ id: waiverSignatures.id })
      .from(waiverSignatures)
      .where(
        and(
          eq(waiverSignatures.registrationId, reg.id),
          eq(waiverSignatures.waiverVersionId, waiver.id),
          eq(waiverSignatures.signer, "driver"),
        ),
      );
    if (done) return { ok: true, signatureId: done.id };
    const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    const created = await recordSignature(tx, reg.id, waiver, "driver", owner?.email ?? null, signing, meta);
    return { ok: true, signatureId: created };
  });
}

/** The owner's latest signature of the event's waiver, with the text it signed; null for anyone else's. */
export async function getSignedWaiver(userId: string, registrationId: string) {
  if (!isUuid(registrationId)) return null;
  const [row] = await db()
    .select({ signature: waiverSignatures, version: waiverVersions, event: events })
    .from(waiverSignatures)
    .innerJoin(registrations, eq(registrations.id, waiverSignatures.registrationId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(waiverVersions, eq(waiverVersions.id, waiverSignatures.waiverVersionId))
    .where(
      and(
        eq(waiverSignatures.registrationId, registrationId),
        eq(registrations.ownerId, userId),
        eq(waiverSignatures.signer, "driver"),
      ),
    )
    .orderBy(desc(waiverVersions.version))
    .limit(1);
  return row ?? null;
}
