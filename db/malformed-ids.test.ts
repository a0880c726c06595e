import { describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { openEvent, ownersWithCars } from "@/test/registration";
import { removeChecklistItem } from "./checklist";
import { publishDraw } from "./draws/writes";
import { getGrid } from "./roster/parade-grid";
import { changePlaque } from "./roster/plaques";
import { cancelRegistration } from "./registrations/writes";
import { getMyRegistration } from "./registrations/reads";

// 36 characters that look like a UUID to a loose pattern: Postgres would answer them with an
// error (a 500), so every look-up must treat them as "not found" before they reach the database.
const LOOKALIKES = ["-".repeat(36), "0".repeat(36), "0b4c1d2e-0000-4000-8000-00000000000g"];

describe("malformed ids from a URL or a form", () => {
  it("are not found, never an error", async () => {
    const { admin, club } = await clubWith();
    const { event } = await openEvent({
      clubId: club.id,
      allocation: "lottery",
      registrationClosesAt: new Date(Date.now() - 60_000),
      registrationOpensAt: new Date(Date.now() - 3_600_000),
    });
    const [owner] = await ownersWithCars(1);
    for (const id of LOOKALIKES) {
      expect(await getMyRegistration(owner!.ownerId, id)).toBeNull();
      expect(await cancelRegistration(owner!.ownerId, id)).toMatchObject({ ok: false });
      expect(await getGrid(admin.id, event.slug, id)).toBeNull();
      expect(await changePlaque(admin.id, event.slug, id, 7)).toBeNull();
      expect(await removeChecklistItem(admin.id, event.slug, id)).toBe(false);
      expect(await publishDraw(admin.id, event.slug, id)).toEqual({ ok: false, error: "lottery.errors.noRun" });
    }
  });
});
