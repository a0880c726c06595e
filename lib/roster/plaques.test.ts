import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignPlaques, MAX_PLAQUE, validatePlaqueChange, type PlaqueCandidate, type PlaqueRule } from "./plaques";

const at = (minute: number) => new Date(Date.UTC(2031, 3, 1, 8) + minute * 60_000);
const reg = (id: string, minute: number, over: Partial<PlaqueCandidate> = {}): PlaqueCandidate => ({
  id,
  registeredAt: at(minute),
  productionNumber: null,
  plaque: null,
  confirmed: true,
  ...over,
});
const asMap = (list: { id: string; plaque: number }[]) => Object.fromEntries(list.map((a) => [a.id, a.plaque]));

describe("assignPlaques", () => {
  it("numbers confirmed cars from 1 in registration order", () => {
    const regs = [reg("c", 3), reg("a", 1), reg("b", 2), reg("w", 0, { confirmed: false })];
    expect(assignPlaques(regs, "registration-order")).toEqual([
      { id: "a", plaque: 1 },
      { id: "b", plaque: 2 },
      { id: "c", plaque: 3 },
    ]);
  });

  it("never renumbers a car and fills gaps first", () => {
    const regs = [
      reg("kept", 5, { plaque: 2 }),
      reg("cancelled", 0, { plaque: 4, confirmed: false }),
      reg("late", 9),
      reg("early", 1),
      reg("middle", 3),
    ];
    expect(asMap(assignPlaques(regs, "registration-order"))).toEqual({ early: 1, middle: 3, late: 5 });
  });

  it("orders by production number, cars without one after them by registration", () => {
    const regs = [
      reg("r1", 1, { productionNumber: 640 }),
      reg("r2", 2),
      reg("r3", 3, { productionNumber: 7 }),
      reg("r4", 0),
      reg("r5", 5, { productionNumber: 640 }),
    ];
    expect(assignPlaques(regs, "production-number").map((a) => a.id)).toEqual(["r3", "r1", "r5", "r4", "r2"]);
  });

  it("breaks a tie in registration time by id, so the result does not depend on input order", () => {
    expect(assignPlaques([reg("b", 0), reg("a", 0)], "registration-order")).toEqual([
      { id: "a", plaque: 1 },
      { id: "b", plaque: 2 },
    ]);
  });

  it("refuses to go past 9999", () => {
    const full = Array.from({ length: MAX_PLAQUE }, (_, i) => reg(`p${i}`, 0, { plaque: i + 1 }));
    expect(() => assignPlaques([...full, reg("new", 1)], "registration-order")).toThrow(RangeError);
  });

  const regsArb = fc
    .uniqueArray(
      fc.record({
        id: fc.uuid(),
        registeredAt: fc.integer({ min: 0, max: 50 }).map(at),
        productionNumber: fc.option(fc.integer({ min: 1, max: 740 }), { nil: null }),
        plaque: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
        confirmed: fc.boolean(),
      }),
      { selector: (r) => r.id, maxLength: 60 },
    )
    .map((regs) => {
      const seen = new Set<number>();
      return regs.map((r) =>
        r.plaque !== null && seen.has(r.plaque) ? { ...r, plaque: null } : (r.plaque !== null && seen.add(r.plaque), r),
      );
    });
  const ruleArb = fc.constantFrom<PlaqueRule>("registration-order", "production-number");

  it("gives every confirmed car a unique plaque, keeps existing ones, uses the lowest free numbers", () => {
    fc.assert(
      fc.property(regsArb, ruleArb, (regs, rule) => {
        const given = asMap(assignPlaques(regs, rule));
        const final = regs.map((r) => ({ ...r, plaque: r.plaque ?? given[r.id] ?? null }));
        for (const r of regs) if (r.plaque !== null) expect(given[r.id]).toBeUndefined();
        for (const r of final) if (r.confirmed) expect(r.plaque).not.toBeNull();
        for (const r of regs) if (!r.confirmed && r.plaque === null) expect(given[r.id]).toBeUndefined();
        const numbers = final.flatMap((r) => (r.plaque === null ? [] : [r.plaque]));
        expect(new Set(numbers).size).toBe(numbers.length);
        const taken = new Set(regs.flatMap((r) => (r.plaque === null ? [] : [r.plaque])));
        const fresh = Object.values(given).sort((a, b) => a - b);
        const lowestFree = Array.from({ length: 200 }, (_, i) => i + 1)
          .filter((n) => !taken.has(n))
          .slice(0, fresh.length);
        expect(fresh).toEqual(lowestFree);
      }),
      { numRuns: 300 },
    );
  });

  it("hands out numbers rising in the rule's order", () => {
    fc.assert(
      fc.property(regsArb, (regs) => {
        const order = assignPlaques(regs, "registration-order").map((a) => ({
          ...a,
          r: regs.find((r) => r.id === a.id)!,
        }));
        order.slice(1).forEach((b, i) => {
          const a = order[i]!;
          expect(a.plaque).toBeLessThan(b.plaque);
          expect(a.r.registeredAt.getTime()).toBeLessThanOrEqual(b.r.registeredAt.getTime());
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("validatePlaqueChange", () => {
  it("accepts a free whole number 1–9999", () => {
    expect(validatePlaqueChange(1, [2, 3])).toBeNull();
    expect(validatePlaqueChange(9999, new Set([1]))).toBeNull();
  });

  it("refuses numbers out of range or not whole", () => {
    for (const n of [0, -1, 10000, 1.5, Number.NaN, Infinity])
      expect(validatePlaqueChange(n, [])).toBe("errors.plaqueRange");
  });

  it("refuses a number another car holds, but lets a car keep its own", () => {
    expect(validatePlaqueChange(3, [1, 3])).toBe("errors.plaqueTaken");
    expect(validatePlaqueChange(3, [1, 3], 3)).toBeNull();
    expect(validatePlaqueChange(1, [1, 3], 3)).toBe("errors.plaqueTaken");
  });
});
