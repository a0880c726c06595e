import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_OVERBOOK, moveRefusal, organiserPlace, promoteRefusal } from "./changes";

const at = (h: number) => new Date(Date.UTC(2031, 5, 14, h));
const slot = (id: string, from: number, to: number) => ({ id, sessionId: id, startsAt: at(from), endsAt: at(to) });

describe("organiserPlace", () => {
  it("confirms while there is room, then waits", () => {
    expect(organiserPlace(29, 30)).toBe("confirmed");
    expect(organiserPlace(30, 30)).toBe("waiting");
  });

  it("confirms up to the stated overbooking and no further", () => {
    expect(organiserPlace(30, 30, 2)).toBe("confirmed");
    expect(organiserPlace(31, 30, 2)).toBe("confirmed");
    expect(organiserPlace(32, 30, 2)).toBe("waiting");
  });

  it("never confirms beyond capacity + overbook (capped), whatever is asked", () => {
    fc.assert(
      fc.property(
        fc.nat(3000),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: -10, max: 10_000 }),
        (confirmed, capacity, overbook) => {
          const limit = capacity + Math.max(0, Math.min(overbook, MAX_OVERBOOK));
          expect(organiserPlace(confirmed, capacity, overbook) === "confirmed").toBe(confirmed < limit);
        },
      ),
    );
  });
});

describe("moveRefusal", () => {
  const gp1 = slot("gp1", 9, 10);
  const gp2 = slot("gp2", 10, 11);
  const paddock = slot("paddock", 8, 12);

  it("moves a car between two sessions that do not overlap anything it keeps", () => {
    expect(moveRefusal([gp1], "gp1", gp2)).toBeNull();
  });

  it("refuses a car not in the source session, or already in the target", () => {
    expect(moveRefusal([gp2], "gp1", gp2)).toBe("roster.errors.notInSession");
    expect(moveRefusal([gp1, gp2], "gp1", gp2)).toBe("roster.errors.alreadyInSession");
  });

  it("refuses a target that overlaps a place the car keeps, but not the place it leaves", () => {
    expect(moveRefusal([gp1, paddock], "gp1", gp2)).toBe("roster.errors.clash");
    expect(moveRefusal([paddock], "paddock", gp2)).toBeNull();
  });
});

describe("promoteRefusal", () => {
  const session = { ...slot("gp1", 9, 10), capacity: 2 };

  it("confirms a waiting car while there is room or a stated overbooking", () => {
    expect(promoteRefusal({ status: "waiting" }, session, 1, 0, [])).toBeNull();
    expect(promoteRefusal({ status: "waiting" }, session, 2, 0, [])).toBe("roster.errors.full");
    expect(promoteRefusal({ status: "waiting" }, session, 2, 1, [])).toBeNull();
  });

  it("refuses a car that is not waiting there, or whose confirmed places overlap", () => {
    expect(promoteRefusal(undefined, session, 0, 0, [])).toBe("roster.errors.notWaiting");
    expect(promoteRefusal({ status: "confirmed" }, session, 0, 0, [])).toBe("roster.errors.notWaiting");
    expect(promoteRefusal({ status: "waiting" }, session, 0, 0, [slot("p", 8, 12)])).toBe("roster.errors.clash");
  });
});
