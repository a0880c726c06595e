import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { purgeExpired } from "../retention";
import { db } from "../client";
import { clubs, registrations, waiverSignatures } from "../schema";
import { savePaperwork } from "./settings";
import { meetWithCar, paperwork, sign } from "@/test/paperwork";

describe("the hourly purge", () => {
  it("erases drivers' details a month after their event, and deletes waivers only past the club's retention", async () => {
    const { admin, event, club, owner, registrationId } = await meetWithCar();
    await savePaperwork(admin.id, event.slug, paperwork());
    await sign(owner.ownerId, registrationId);
    const details = { emergencyName: "Anna", emergencyPhone: "+491711234567" };
    await db().update(registrations).set({ driverDetails: details }).where(eq(registrations.id, registrationId));
    const endedAgo = (days: number) =>
      db().execute(
        sql`update events set starts_on = current_date - ${days}::int, ends_on = current_date - ${days}::int where id = ${event.id}`,
      );
    const state = async () => {
      const [reg] = await db().select().from(registrations).where(eq(registrations.id, registrationId));
      const signed = await db()
        .select()
        .from(waiverSignatures)
        .where(eq(waiverSignatures.registrationId, registrationId));
      return { details: reg!.driverDetails, signatures: signed.length };
    };
    await endedAgo(20);
    await purgeExpired();
    expect(await state()).toEqual({ details, signatures: 1 });
    await endedAgo(40);
    await purgeExpired();
    expect(await state()).toEqual({ details: null, signatures: 1 });
    await db().update(clubs).set({ waiverRetentionYears: 1 }).where(eq(clubs.id, club.id));
    await endedAgo(400);
    await purgeExpired();
    expect(await state()).toEqual({ details: null, signatures: 0 });
  });
});
