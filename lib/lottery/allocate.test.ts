import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { allocate, allocateGreedy } from "./allocate";
import { hashInput, hashResult, seedCommitment } from "./audit";
import { drawKey, drawOrder } from "./draw";
import { lotteryStats } from "./stats";
import { ALGORITHM_VERSION, LotteryInputError, type LotteryInput, type LotteryResult } from "./types";

const granted = (r: LotteryResult) =>
  Object.fromEntries(r.entries.map((e) => [e.id, e.granted.map((g) => g.sessionId)]));
const session = (r: LotteryResult, id: string) => r.sessions.find((s) => s.id === id)!;
const cars = ["alfa", "bmw", "citroen", "dacia", "elise"];

describe("the draw", () => {
  it('hashes the seed and the entry id run together (SHA-256 of "abc")', () => {
    expect(drawKey("a", "bc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("orders entries by that hash, and another seed gives another order", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `car-${i}`);
    const order = drawOrder("2026-11-27", ids);
    expect(order).toEqual([...ids].sort((a, b) => (drawKey("2026-11-27", a) < drawKey("2026-11-27", b) ? -1 : 1)));
    expect(drawOrder("2026-11-28", ids)).not.toEqual(order);
  });
});

describe("hand examples", () => {
  it("gives a hot session's 2 places to the first two drawn, the rest wait in draw order", () => {
    const input: LotteryInput = {
      seed: "hot",
      sessions: [{ id: "hot", capacity: 2 }],
      entries: cars.map((id) => ({ id, ranking: ["hot"] })),
    };
    const result = allocate(input);
    const order = drawOrder("hot", cars);
    expect(session(result, "hot")).toEqual({
      id: "hot",
      capacity: 2,
      placed: order.slice(0, 2),
      waiting: order.slice(2),
    });
    expect(result.objective).toEqual({ entriesPlaced: 2, totalWeight: 10, tieBreakScore: 5 * 5 + 4 * 5 });
  });

  it("with a second choice for everyone, places all five and still gives the hot places by draw", () => {
    const input: LotteryInput = {
      seed: "hot",
      sessions: [
        { id: "hot", capacity: 2 },
        { id: "cool", capacity: 5 },
      ],
      entries: cars.map((id) => ({ id, ranking: ["hot", "cool"] })),
    };
    const result = allocate(input);
    const order = drawOrder("hot", cars);
    expect(session(result, "hot").placed).toEqual(order.slice(0, 2));
    expect(session(result, "cool").placed).toEqual(order);
    expect(lotteryStats(result)).toMatchObject({ placed: 5, firstChoice: 2, topTwo: 5, nothing: 0, places: 7 });
  });

  // A asks for X, Y, Z; B only for X; C only for Y. With A drawn before B and C, greedy gives
  // A its first choice and B nothing; the optimum sends A to its rank-3 session.
  const rankThree = (seed: string): LotteryInput => ({
    seed,
    sessions: ["X", "Y", "Z"].map((id) => ({ id, capacity: 1 })),
    entries: [
      { id: "A", ranking: ["X", "Y", "Z"] },
      { id: "B", ranking: ["X"] },
      { id: "C", ranking: ["Y"] },
    ],
  });
  const seed = Array.from({ length: 50 }, (_, i) => `seed-${i}`).find((s) => drawOrder(s, ["A", "B", "C"])[0] === "A")!;

  it("places a car in its rank-3 session so that every car gets something", () => {
    const result = allocate(rankThree(seed));
    expect(granted(result)).toEqual({ A: ["Z"], B: ["X"], C: ["Y"] });
    expect(result.entries.find((e) => e.id === "A")!.granted).toEqual([{ sessionId: "Z", rank: 3 }]);
    expect(session(result, "X").waiting).toEqual(["A"]);
  });

  it("where the greedy baseline leaves a car with nothing", () => {
    const greedy = allocateGreedy(rankThree(seed));
    expect(granted(greedy)).toEqual({ A: ["X", "Z"], B: [], C: ["Y"] });
    expect(lotteryStats(greedy)).toMatchObject({ placed: 2, nothing: 1 });
    expect(lotteryStats(allocate(rankThree(seed)))).toMatchObject({ placed: 3, nothing: 0, firstChoice: 2, topTwo: 2 });
  });

  it("gives a car every session it asked for when there is room", () => {
    const input: LotteryInput = {
      seed: "roomy",
      sessions: ["a", "b", "c"].map((id) => ({ id, capacity: 3 })),
      entries: cars.slice(0, 3).map((id) => ({ id, ranking: ["c", "a", "b"] })),
    };
    expect(Object.values(granted(allocate(input)))).toEqual([
      ["c", "a", "b"],
      ["c", "a", "b"],
      ["c", "a", "b"],
    ]);
  });
});

describe("input checks", () => {
  const base: LotteryInput = {
    seed: "s",
    sessions: [
      { id: "a", capacity: 1 },
      { id: "b", capacity: 1 },
    ],
    entries: [{ id: "x", ranking: ["a"] }],
  };
  it.each([
    ["a duplicate session", { ...base, sessions: [...base.sessions, { id: "a", capacity: 2 }] }],
    ["a negative capacity", { ...base, sessions: [{ id: "a", capacity: -1 }] }],
    ["a fractional capacity", { ...base, sessions: [{ id: "a", capacity: 1.5 }] }],
    ["a duplicate entry", { ...base, entries: [...base.entries, { id: "x", ranking: ["b"] }] }],
    ["an empty ranking", { ...base, entries: [{ id: "x", ranking: [] }] }],
    ["six ranks", { ...base, entries: [{ id: "x", ranking: ["a", "b", "c", "d", "e", "f"] }] }],
    ["a session ranked twice", { ...base, entries: [{ id: "x", ranking: ["a", "a"] }] }],
    ["an unknown session", { ...base, entries: [{ id: "x", ranking: ["zz"] }] }],
  ])("rejects %s", (_, input) => {
    expect(() => allocate(input)).toThrow(LotteryInputError);
  });
});

describe("audit", () => {
  const input: LotteryInput = {
    seed: "audit",
    sessions: [
      { id: "a", capacity: 1 },
      { id: "b", capacity: 2 },
    ],
    entries: [
      { id: "x", ranking: ["a", "b"] },
      { id: "y", ranking: ["b"] },
      { id: "z", ranking: ["a"] },
    ],
  };
  const reversed: LotteryInput = {
    ...input,
    sessions: [...input.sessions].reverse(),
    entries: [...input.entries].reverse(),
  };

  it("hashes the input canonically, without the seed", () => {
    expect(hashInput(input)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInput(reversed)).toBe(hashInput(input));
    const reseeded: LotteryInput = { ...input, seed: "other" };
    expect(hashInput(reseeded)).toBe(hashInput(input));
    expect(hashInput({ ...input, entries: [{ id: "x", ranking: ["b", "a"] }, ...input.entries.slice(1)] })).not.toBe(
      hashInput(input),
    );
  });

  it("publishes the algorithm, seed and input hash, and hashes the result", () => {
    const result = allocate(input);
    expect(result).toMatchObject({ algorithm: ALGORITHM_VERSION, seed: "audit", inputHash: hashInput(input) });
    expect(hashResult(allocate(reversed))).toBe(hashResult(result));
    expect(hashResult(JSON.parse(JSON.stringify(result)))).toBe(hashResult(result));
    expect(hashResult(allocate({ ...input, seed: "other" }))).not.toBe(hashResult(result));
  });

  it("commits to a seed with the SHA-256 of its UTF-8 text, as sha256sum prints it", () => {
    expect(seedCommitment("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(seedCommitment("Startwert ü")).toBe(
      createHash("sha256").update(Buffer.from("Startwert ü", "utf8")).digest("hex"),
    );
  });
});
