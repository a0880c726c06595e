import { describe, expect, it } from "vitest";
import { eventCounts } from "./event-counts";

describe("eventCounts", () => {
  it("keeps counts only and works out places left, never below zero", () => {
    const counts = eventCounts({
      carsRegistered: 3,
      sessions: [
        { id: "s1", capacity: 10, confirmed: 3, waiting: 0, name: "Paddock", plate: "X" } as never,
        { id: "s2", capacity: 2, confirmed: 2, waiting: 4 },
      ],
      colours: [{ colour: "Alpine White", individualColour: null, cars: 3, vin: "WBS" } as never],
      countries: [{ country: "DE", cars: 3 }],
    });
    expect(counts).toEqual({
      carsRegistered: 3,
      sessions: [
        { id: "s1", confirmed: 3, capacity: 10, placesLeft: 7, waiting: 0 },
        { id: "s2", confirmed: 2, capacity: 2, placesLeft: 0, waiting: 4 },
      ],
      colours: [{ colour: "Alpine White", individualColour: null, cars: 3 }],
      countries: [{ country: "DE", cars: 3 }],
    });
  });
});
