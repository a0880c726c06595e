import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ownersWithCars } from "@/test/registration";
import { exportMyData } from "../account-export";
import { composeWaiverChanged } from "../mail/event-mail";
import { db } from "../client";
import { clubs, events, mailOutbox, registrations, waiverSignatures } from "../schema";
import { savePaperwork } from "./settings";
import { getWaiverToSign, signWaiver } from "./waivers";
import { meetWithCar, meta, paperwork, refusal, sign, statusOf } from "@/test/paperwork";

describe("paperwork", () => {
  it("is saved by the event's organisers only", async () => {
    const { admin, gate, event } = await meetWithCar();
    expect(await savePaperwork(gate.id, event.slug, paperwork())).toBeNull();
    expect(await savePaperwork(admin.id, event.slug, paperwork())).toMatchObject({ ok: true, newVersion: 1 });
  });

  it("keeps the version while the text stays, and a new one asks everyone to sign again", async () => {
    const { admin, event, owner, registrationId } = await meetWithCar();
    await savePaperwork(admin.id, event.slug, paperwork());
    expect(await statusOf(registrationId)).toMatchObject({ missing: ["details", "waiver"] });
    expect(await sign(owner.ownerId, registrationId)).toMatchObject({ ok: true });
    expect((await statusOf(registrationId)).missing).toEqual(["details"]);

    expect(await savePaperwork(admin.id, event.slug, paperwork({ requireLicence: true }))).toMatchObject({
      newVersion: null,
    });
    expect((await statusOf(registrationId)).missing).toEqual(["details"]);
    expect(await savePaperwork(admin.id, event.slug, paperwork({ waiverEn: "New text." }))).toMatchObject({
      newVersion: 2,
    });
    expect((await statusOf(registrationId)).missing).toEqual(["details", "waiver"]);
    // The driver who signed the old text is told why, by e-mail, in one job of their own.
    const told = await db()
      .select({ kind: mailOutbox.kind, recipient: mailOutbox.recipient, payload: mailOutbox.payload })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.registrationId, registrationId), eq(mailOutbox.kind, "waiverChanged")));
    expect(told).toEqual([{ kind: "waiverChanged", recipient: owner.email, payload: { version: 2 } }]);
    const [row] = await db()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.registrationId, registrationId), eq(mailOutbox.kind, "waiverChanged")));
    const mail = await composeWaiverChanged(row!);
    expect(mail?.subject).toMatch(/^Please sign the waiver for .+ again$/);
    expect(mail?.links[0]).toMatch(new RegExp(`/registrations/${registrationId}/waiver$`));
  });

  it("records what was signed, and refuses a signature of a text that changed meanwhile", async () => {
    const { admin, event, owner, registrationId } = await meetWithCar();
    await savePaperwork(admin.id, event.slug, paperwork());
    const read = await getWaiverToSign(owner.ownerId, registrationId);
    await savePaperwork(admin.id, event.slug, paperwork({ waiverDe: "Neuer Text." }));
    const stale = { fullName: "Jonas Müller", signature: null, versionId: read!.waiver.id, language: "de" as const };
    expect(await signWaiver(owner.ownerId, registrationId, stale, meta)).toMatchObject({
      error: "errors.waiverChanged",
    });
    expect(await sign(owner.ownerId, registrationId, "de")).toMatchObject({ ok: true });
    const [row] = await db().select().from(waiverSignatures).where(eq(waiverSignatures.registrationId, registrationId));
    expect(row).toMatchObject({ fullName: "Jonas Müller", language: "de", ipAddress: "192.0.2.7", signer: "driver" });
    // SHA-256 of "Neuer Text.", the German text in force, as the signer read it.
    expect(row!.textSha256).toBe(createHash("sha256").update("Neuer Text.", "utf8").digest("hex"));
    // "Download my data" holds the record too.
    expect((await exportMyData(owner.ownerId)).waivers).toMatchObject([
      { registrationId, signer: "driver", fullName: "Jonas Müller", version: 2, language: "de", drawn: false },
    ]);
  });

  it("cannot be signed for another owner's registration", async () => {
    const { admin, event, owner, registrationId } = await meetWithCar();
    await savePaperwork(admin.id, event.slug, paperwork());
    const [stranger] = await ownersWithCars(1);
    expect(await getWaiverToSign(stranger!.ownerId, registrationId)).toBeNull();
    const versionId = (await getWaiverToSign(owner.ownerId, registrationId))!.waiver.id;
    const signing = { fullName: "Mallory", signature: null, versionId, language: "en" as const };
    expect(await signWaiver(stranger!.ownerId, registrationId, signing, meta)).toBeNull();
    expect(await statusOf(registrationId)).toMatchObject({ missing: ["details", "waiver"] });
  });
});

describe("a signed waiver", () => {
  async function signed() {
    const meet = await meetWithCar();
    await savePaperwork(meet.admin.id, meet.event.slug, paperwork());
    await sign(meet.owner.ownerId, meet.registrationId);
    return meet;
  }
  const count = async (registrationId: string) =>
    (await db().select().from(waiverSignatures).where(eq(waiverSignatures.registrationId, registrationId))).length;

  it("cannot be altered or deleted", async () => {
    const { registrationId } = await signed();
    const mine = eq(waiverSignatures.registrationId, registrationId);
    expect(await refusal(db().update(waiverSignatures).set({ fullName: "Someone else" }).where(mine))).toMatch(
      /cannot be changed or removed/,
    );
    expect(await refusal(db().delete(waiverSignatures).where(mine))).toMatch(/cannot be changed or removed/);
    expect(await count(registrationId)).toBe(1);
  });

  it("stays when its owner deletes the account, and goes with its event", async () => {
    const { registrationId, event } = await signed();
    await db().update(registrations).set({ ownerId: null }).where(eq(registrations.id, registrationId));
    expect(await count(registrationId)).toBe(1);
    await db().delete(events).where(eq(events.id, event.id));
    expect(await count(registrationId)).toBe(0);
  });

  it("may be deleted once the club's retention period after the event is over, not a day before", async () => {
    const { registrationId, event, club } = await signed();
    const endedAgo = (days: number) =>
      db().execute(
        sql`update events set starts_on = current_date - ${days}::int, ends_on = current_date - ${days}::int where id = ${event.id}`,
      );
    await db().update(clubs).set({ waiverRetentionYears: 1 }).where(eq(clubs.id, club.id));
    await endedAgo(365);
    await expect(
      db().delete(waiverSignatures).where(eq(waiverSignatures.registrationId, registrationId)),
    ).rejects.toThrow();
    await endedAgo(367);
    await db().delete(waiverSignatures).where(eq(waiverSignatures.registrationId, registrationId));
    expect(await count(registrationId)).toBe(0);
  });
});
