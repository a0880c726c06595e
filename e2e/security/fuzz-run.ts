import fc from "fast-check";
import type { Sql } from "../fixtures/db";
import { changedTables, digest, type Digest } from "./digest";
import { actionError, actionResult, isNotFound, isSignInRedirect, type Answer } from "./http";
import { dropScene, seedScene, type Scene } from "./scene";

// The fuzzing loop of one target: inputs one after another on a scene of its own (so "the scene's
// rows changed" can be pinned on the request that changed them), a fresh scene now and then.
// An input fails when the answer is a server error or a crash, or when a refusal wrote rows.

export type Tally = {
  target: string;
  inputs: number;
  s2xx: number;
  s3xx: number;
  s4xx: number;
  s5xx: number;
  crashes: number;
  refused: number;
  limited: number;
  writesByRefused: number;
  ms: number;
};

type Lane = { scene: Scene; prepared: Record<string, string>; before: Digest; sinceSeed: number };

export type FuzzTarget<I> = {
  name: string;
  arbitrary: fc.Arbitrary<I>;
  /** Readies a new scene (a draw to publish) and says what the target needs of it. */
  prepare?: (scene: Scene) => Promise<Record<string, string>>;
  send: (input: I, scene: Scene, prepared: Record<string, string>) => Promise<Answer>;
  reseedEvery?: number;
};

const NEXT_DIGESTS = /^(NEXT_HTTP_ERROR_FALLBACK;404|NEXT_REDIRECT)/;

/**
 * A redirect longer than this (and than the address asked for: Next's own redirects, such as the
 * one that folds "//", repeat it) makes the browser's next request one Node may refuse (16 KB).
 */
const MAX_REDIRECT = 4000;

/**
 * A server error, an action that threw something other than notFound()/redirect() (the browser
 * shows the error page), or a redirect too long to follow.
 */
export function crashOf(answer: Answer): string | null {
  if (answer.status >= 500 || answer.status === 0) return `HTTP ${answer.status}: ${answer.body.slice(0, 200)}`;
  if ((answer.location?.length ?? 0) > Math.max(MAX_REDIRECT, answer.url.length + 100))
    return `a redirect of ${answer.location!.length} characters`;
  const thrown = actionError(answer);
  return thrown && !NEXT_DIGESTS.test(thrown) ? `the action threw (digest ${thrown})` : null;
}

/** Refused: 4xx, not found, sent to sign in, a form result with ok: false, or sent back with an error in the address. */
export function isRefusal(answer: Answer): boolean {
  const result = actionResult(answer) as { ok?: unknown } | undefined;
  return (
    answer.status >= 400 ||
    isNotFound(answer) ||
    isSignInRedirect(answer) ||
    result?.ok === false ||
    /[?&](error|refused)=/.test(answer.location ?? "")
  );
}

const isLimited = (answer: Answer) =>
  /Too many attempts|rateLimited|try again later/i.test(answer.body.slice(0, 4000)) ||
  /error=rateLimited/.test(answer.location ?? "");

export async function fuzz<I>(
  sql: Sql,
  target: FuzzTarget<I>,
  runs: number,
  seed?: number,
): Promise<{ tally: Tally; failure: string | null }> {
  const tally: Tally = {
    target: target.name,
    inputs: 0,
    s2xx: 0,
    s3xx: 0,
    s4xx: 0,
    s5xx: 0,
    crashes: 0,
    refused: 0,
    limited: 0,
    writesByRefused: 0,
    ms: 0,
  };
  const started = performance.now();
  const fresh = async (): Promise<Lane> => {
    const scene = await seedScene(sql);
    const prepared = (await target.prepare?.(scene)) ?? {};
    return { scene, prepared, before: await digest(sql, scene), sinceSeed: 0 };
  };
  let lane = await fresh();
  const property = fc.asyncProperty(target.arbitrary, async (input) => {
    if (lane.sinceSeed >= (target.reseedEvery ?? 100)) {
      await dropScene(sql, lane.scene);
      lane = await fresh();
    }
    lane.sinceSeed++;
    const answer = await target.send(input, lane.scene, lane.prepared);
    tally.inputs++;
    const klass = Math.floor(answer.status / 100);
    if (klass === 2) tally.s2xx++;
    else if (klass === 3) tally.s3xx++;
    else if (klass === 4) tally.s4xx++;
    else tally.s5xx++;
    const crash = crashOf(answer);
    if (crash) tally.crashes += answer.status >= 500 ? 0 : 1;
    const refused = isRefusal(answer);
    if (refused) tally.refused++;
    if (refused && isLimited(answer)) tally.limited++;
    const after = await digest(sql, lane.scene);
    const written = changedTables(lane.before, after);
    lane.before = after;
    if (refused && written.length) tally.writesByRefused++;
    if (crash) throw new Error(`${crash} (answer ${answer.status}${answer.location ? ` → ${answer.location}` : ""})`);
    if (refused && written.length)
      throw new Error(
        `refused (${answer.status}${answer.location ? ` → ${answer.location}` : ""}) yet wrote ${written.join(", ")}`,
      );
  });
  let failure: string | null = null;
  try {
    await fc.assert(property, { numRuns: runs, seed, endOnFailure: false, verbose: 0 });
  } catch (error) {
    // fast-check names the shrunk counterexample in the message and keeps the property's own error as the cause.
    const cause = error instanceof Error && error.cause instanceof Error ? `${error.cause.message}\n` : "";
    // Long runs of one character (a 7 kB "aaa…") are written as a count, so the rest of the input shows.
    const text = `${cause}${error instanceof Error ? error.message : String(error)}`.replace(
      /(.)\1{49,}/gs,
      (run, c: string) => `⟨${JSON.stringify(c)}×${run.length}⟩`,
    );
    failure = text.length > 6000 ? `${text.slice(0, 6000)}…` : text;
  }
  await dropScene(sql, lane.scene);
  tally.ms = performance.now() - started;
  return { tally, failure };
}
