import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  gridOrderIds,
  moveInGrid,
  paradeGrid,
  PACE_CAR,
  repairGridOrder,
  validateGridOrder,
  type GridCar,
  type GridEntry,
  type GridMode,
} from "./parade-grid";

const car = (registrationId: string, plaque: number | null, colour: string): GridCar => ({
  registrationId,
  plaque,
  colour,
});
const ids = (grid: GridEntry[]) => gridOrderIds(grid);

const COLOURS = ["valencia-orange", "alpine-white", "sapphire-black", "le-mans-blue", "frozen-grey"];
const carsArb = fc
  .uniqueArray(
    fc.record({
      registrationId: fc.uuid(),
      plaque: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
      colour: fc.constantFrom(...COLOURS),
    }),
    { selector: (c) => c.registrationId, maxLength: 40 },
  )
  .map((cars) => {
    // Plaques are unique per event.
    const seen = new Set<number>();
    return cars.map((c) =>
      c.plaque !== null && seen.has(c.plaque) ? { ...c, plaque: null } : (c.plaque !== null && seen.add(c.plaque), c),
    );
  });
const modeArb: fc.Arbitrary<GridMode> = fc.oneof(
  fc.constant({ kind: "plaque" as const }),
  fc
    .subarray(COLOURS)
    .chain((subset) => fc.shuffledSubarray(subset, { minLength: subset.length }))
    .map((colourOrder) => ({ kind: "colour-blocks" as const, colourOrder })),
);

function expectEachCarOnceAfterPace(grid: GridEntry[], cars: GridCar[]) {
  expect(grid[0]).toEqual(PACE_CAR);
  expect(grid.filter((e) => e.kind === "pace")).toHaveLength(1);
  expect([...ids(grid)].sort()).toEqual(cars.map((c) => c.registrationId).sort());
}

describe("paradeGrid", () => {
  const cars = [
    car("r-a", 12, "alpine-white"),
    car("r-b", 3, "valencia-orange"),
    car("r-c", null, "valencia-orange"),
    car("r-d", 1, "alpine-white"),
    car("r-e", 5, "individual-brilliant-red"),
    car("r-f", 2, "frozen-grey"),
    car("r-g", null, "alpine-white"),
    car("r-0", null, "alpine-white"),
  ];

  it("puts the pace car first and sorts by plaque, cars without one last", () => {
    const grid = paradeGrid(cars, { kind: "plaque" });
    expect(grid[0]).toEqual({ kind: "pace" });
    expect(ids(grid)).toEqual(["r-d", "r-f", "r-b", "r-e", "r-a", "r-0", "r-c", "r-g"]);
  });

  it("forms colour blocks in the chosen order, the other colours after them A–Z", () => {
    const grid = paradeGrid(cars, { kind: "colour-blocks", colourOrder: ["valencia-orange", "alpine-white"] });
    expect(ids(grid)).toEqual(["r-b", "r-c", "r-d", "r-a", "r-0", "r-g", "r-f", "r-e"]);
  });

  it("gives just the pace car for an empty session", () => {
    expect(paradeGrid([], { kind: "plaque" })).toEqual([PACE_CAR]);
  });

  it("lists each confirmed car exactly once, pace car first, colour blocks contiguous", () => {
    fc.assert(
      fc.property(carsArb, modeArb, (cars, mode) => {
        const grid = paradeGrid(cars, mode);
        expectEachCarOnceAfterPace(grid, cars);
        const colours = grid.flatMap((e) => (e.kind === "car" ? [e.car.colour] : []));
        if (mode.kind === "colour-blocks") {
          const blocks = colours.filter((c, i) => c !== colours[i - 1]);
          expect(new Set(blocks).size).toBe(blocks.length);
          const chosen = blocks.filter((c) => mode.colourOrder.includes(c));
          expect(chosen).toEqual(mode.colourOrder.filter((c) => chosen.includes(c)));
          expect(blocks.slice(0, chosen.length)).toEqual(chosen);
          expect(blocks.slice(chosen.length)).toEqual([...blocks.slice(chosen.length)].sort());
        }
        // Within a block (the whole grid in plaque mode): plaques rising, cars without one at the end.
        const inOrder = grid.flatMap((e) => (e.kind === "car" ? [e.car] : []));
        inOrder.slice(1).forEach((b, i) => {
          const a = inOrder[i]!;
          if (mode.kind === "colour-blocks" && a.colour !== b.colour) return;
          if (a.plaque === null) expect(b.plaque).toBeNull();
          else if (b.plaque !== null) expect(a.plaque).toBeLessThan(b.plaque);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("moveInGrid", () => {
  const grid = paradeGrid([car("a", 1, "x"), car("b", 2, "x"), car("c", 3, "x")], { kind: "plaque" });

  it("moves a car up and down", () => {
    expect(ids(moveInGrid(grid, 3, 1))).toEqual(["c", "a", "b"]);
    expect(ids(moveInGrid(grid, 1, 2))).toEqual(["b", "a", "c"]);
    expect(ids(moveInGrid(grid, 2, 99))).toEqual(["a", "c", "b"]);
  });

  it("never moves the pace car, nor anything in front of it", () => {
    expect(moveInGrid(grid, 0, 2)).toEqual(grid);
    expect(ids(moveInGrid(grid, 2, 0))).toEqual(["b", "a", "c"]);
    expect(ids(moveInGrid(grid, 1, -1))).toEqual(["a", "b", "c"]);
    expect(moveInGrid(grid, 9, 1)).toEqual(grid);
    expect(moveInGrid(grid, 1.5, 1)).toEqual(grid);
    expect(moveInGrid(grid, 2, 1)).not.toBe(grid);
  });

  it("keeps each car once with the pace car first, over any sequence of moves", () => {
    const moves = fc.array(fc.tuple(fc.integer({ min: -2, max: 45 }), fc.integer({ min: -2, max: 45 })), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(carsArb, moves, (cars, steps) => {
        let g = paradeGrid(cars, { kind: "plaque" });
        for (const [from, to] of steps) {
          g = moveInGrid(g, from, to);
          expectEachCarOnceAfterPace(g, cars);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("validateGridOrder and repairGridOrder", () => {
  const confirmed = [car("a", 1, "x"), car("b", 2, "x"), car("c", 3, "x"), car("d", null, "x")];

  it("accepts an order naming each confirmed car once", () => {
    expect(validateGridOrder(["c", "a", "d", "b"], ["a", "b", "c", "d"])).toEqual({
      ok: true,
      missing: [],
      extra: [],
      duplicates: [],
    });
  });

  it("reports missing, extra and repeated cars", () => {
    expect(validateGridOrder(["c", "z", "a", "c", "a"], ["a", "b", "c", "d"])).toEqual({
      ok: false,
      missing: ["b", "d"],
      extra: ["z"],
      duplicates: ["c", "a"],
    });
  });

  it("repairs a stale order: drops the gone, keeps the rest in place, appends the new by plaque", () => {
    const grid = repairGridOrder(["z", "c", "a", "c"], confirmed);
    expect(grid[0]).toEqual(PACE_CAR);
    expect(ids(grid)).toEqual(["c", "a", "b", "d"]);
  });

  it("always repairs to a valid order that keeps the saved sequence", () => {
    const saved = fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 10 });
    fc.assert(
      fc.property(saved, fc.subarray(confirmed), (order, cars) => {
        const repaired = ids(repairGridOrder(order, cars));
        expect(
          validateGridOrder(
            repaired,
            cars.map((c) => c.registrationId),
          ).ok,
        ).toBe(true);
        const kept = [...new Set(order)].filter((id) => repaired.includes(id));
        expect(repaired.slice(0, kept.length)).toEqual(kept);
      }),
      { numRuns: 200 },
    );
  });
});
