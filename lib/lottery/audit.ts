import { compareStrings, sha256Hex } from "./draw";
import type { DrawInput, LotteryInput, LotteryResult } from "./types";

const sortKeys = (_key: string, value: unknown) =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => compareStrings(a, b)))
    : value;

/** JSON without spaces and with object keys sorted at every level: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys);
}

/**
 * SHA-256 (hex) of the canonical JSON of the sessions and entries, each list sorted by id,
 * rankings as given: {"entries":[{"id","ranking"}…],"sessions":[{"capacity","id"}…]}. The seed is
 * left out: it is committed before any entry exists (seedCommitment), so runs with the one seed
 * differ only by this hash.
 */
export function hashInput(input: Pick<LotteryInput, "sessions" | "entries">): string {
  return sha256Hex(JSON.stringify(drawInputOf(input)));
}

/**
 * The input in its published form: the exact text hashInput hashes is `JSON.stringify` of this
 * (keys already in sorted order, so the fast native JSON.stringify is canonical). Ids only.
 */
export function drawInputOf(input: Pick<LotteryInput, "sessions" | "entries">): DrawInput {
  const byId = (a: { id: string }, b: { id: string }) => compareStrings(a.id, b.id);
  const entries = input.entries.map((e) => ({ id: e.id, ranking: [...e.ranking] })).sort(byId);
  const sessions = input.sessions.map((s) => ({ capacity: s.capacity, id: s.id })).sort(byId);
  return { entries, sessions };
}

/** SHA-256 (hex) of the canonical JSON of the whole result, as published. */
export function hashResult(result: LotteryResult): string {
  return sha256Hex(canonicalJson(result));
}

/**
 * The public commitment to a seed: SHA-256 (hex) of its UTF-8 text, what
 * `printf '%s' "$SEED" | sha256sum` prints. Shown before the draw, checked against each run's seed.
 */
export function seedCommitment(seed: string): string {
  return sha256Hex(seed);
}
