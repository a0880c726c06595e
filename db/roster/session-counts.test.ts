import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ownersWithCars, registerInOrder } from "@/test/registration";
import { query, rosterEvent } from "@/test/roster";
import { db } from "../client";
import { placeOffers } from "../schema";
import { getRoster } from "./reads";

// The organiser's per-session counts: a place offered to a waiting car (db/registrations/offers.ts)
// is taken while the offer is open, though not yet confirmed.
describe("the roster's session counts", () => {
  it("count open offers apart from confirmed places, and only while they are open", async () => {
    const world = await rosterEvent([{ start: "09:00", end: "12:00", capacity: 2 }]);
    const paddock = world.sessions[0]!.id;
    const [, , third] = await registerInOrder(world.event.id, await ownersWithCars(3), [
      [paddock],
      [paddock],
      [paddock],
    ]);
    const counts = async () =>
      (await getRoster(world.organiser.id, world.event.slug, query()))!.data.sessions.map((s) => [
        s.confirmed,
        s.capacity,
        s.waiting,
        s.offered,
      ]);
    expect(await counts()).toEqual([[2, 2, 1, 0]]);
    const [offer] = await db()
      .insert(placeOffers)
      .values({ registrationId: third!, sessionId: paddock, expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    expect(await counts()).toEqual([[2, 2, 1, 1]]);
    await db()
      .update(placeOffers)
      .set({ status: "expired", decidedAt: new Date() })
      .where(eq(placeOffers.id, offer!.id));
    expect(await counts()).toEqual([[2, 2, 1, 0]]);
  });
});
