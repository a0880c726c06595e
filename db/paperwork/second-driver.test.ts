import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet } from "@/test/clubs";
import { form, ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { composeWaiverToSign } from "../mail/event-mail";
import { mailOutbox, users } from "../schema";
import { sqlRows } from "../query";
import { registerCar } from "../registrations/writes";
import { savePaperwork } from "./settings";
import { getLinkedWaiver, signAsSecondDriver } from "./second-driver";
import { meta, paperwork, statusOf } from "@/test/paperwork";

describe("a second driver", () => {
  it("gets a mailed link that signs once, and the car's paperwork then counts the signature", async () => {
    const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
    await savePaperwork(meet.admin.id, meet.event.slug, paperwork({ requireEmergencyContact: false }));
    const [owner] = await ownersWithCars(1);
    const made = await registerCar(
      owner!.ownerId,
      form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id], {
        secondDriverName: "Mia Beifahrer",
        secondDriverEmail: "mia@ringmeet.test",
      }),
    );
    if (!made.ok) throw new Error(made.error);
    const [job] = await sqlRows<{ secret: string; recipient: string }>(
      db(),
      sql`select j.payload->>'secret' as secret, m.recipient from graphile_worker._private_jobs j
        join mail_outbox m on m.id::text = j.payload->>'mailId' where m.kind = 'waiverToSign' and m.registration_id = ${made.registrationId}`,
    );
    expect(job!.recipient).toBe("mia@ringmeet.test");
    const linked = (await getLinkedWaiver(job!.secret))!;
    expect(linked).toMatchObject({ used: false, registration: { id: made.registrationId } });
    expect(await statusOf(made.registrationId)).toMatchObject({ missing: ["waiver", "secondDriverWaiver"] });
    const signing = {
      fullName: "Mia Beifahrer",
      signature: null,
      versionId: linked.waiver.id,
      language: "en" as const,
    };
    expect(await signAsSecondDriver(job!.secret, signing, meta)).toMatchObject({ ok: true });
    expect(await signAsSecondDriver(job!.secret, signing, meta)).toBeNull();
    expect(await getLinkedWaiver(job!.secret)).toMatchObject({ used: true });
    expect(await statusOf(made.registrationId)).toMatchObject({ missing: ["waiver"] });
    expect(await getLinkedWaiver("x".repeat(32))).toBeNull();
  });

  it("gets the mail in the registering owner's language first and in the other after it", async () => {
    const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
    await savePaperwork(meet.admin.id, meet.event.slug, paperwork({ requireEmergencyContact: false }));
    const [owner] = await ownersWithCars(1);
    await db().update(users).set({ locale: "de" }).where(eq(users.id, owner!.ownerId));
    const second = { secondDriverName: "Mia Beifahrer", secondDriverEmail: "mia@ringmeet.test" };
    const made = await registerCar(
      owner!.ownerId,
      form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id], second),
    );
    if (!made.ok) throw new Error(made.error);
    const [row] = await db()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.registrationId, made.registrationId), eq(mailOutbox.kind, "waiverToSign")));
    const mail = (await composeWaiverToSign(row!, "t".repeat(32)))!;
    expect(mail.subject).toBe(
      `Bitte unterschreibe den Haftungsverzicht für ${meet.event.name} / Please sign the waiver for ${meet.event.name}`,
    );
    const german = mail.text.indexOf("Du bist als Beifahrer");
    expect(german).toBeGreaterThan(-1);
    expect(mail.text.indexOf("You are named as the second driver")).toBeGreaterThan(german);
    expect(mail.links).toEqual([expect.stringMatching(/\/waiver\/t{32}$/)]);
  });
});
