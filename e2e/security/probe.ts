import type { Sql } from "../fixtures/db";
import { ACTORS, type Actor } from "./actors";
import { changedTables, digest } from "./digest";
import type { Cells, Outcome } from "./expect";
import { forge } from "./forge";
import { actionError, actionResult, callAction, isNotFound, isSignInRedirect, request, type Answer } from "./http";
import type { ActionRow } from "./matrix-actions";
import type { RouteRow } from "./matrix-pages";
import { dropScene, seedScene, tokenOf, type Scene } from "./scene";

// Running one matrix row: every actor's answer, read back into the matrix's words. A cell that is
// none of them reads as its status (and where it went), so a mismatch says what happened.

function pageOutcome(answer: Answer, path: string): Outcome | string {
  if (answer.status === 200) return "allowed";
  if (answer.status === 404) return "404";
  if (answer.status === 401) return "401";
  if (answer.status >= 300 && answer.status < 400 && isSignInRedirect(answer)) {
    const back = new URL(answer.location!, "http://x").searchParams.get("callbackUrl");
    return back === path ? "sign-in" : `sign-in back to ${back}`;
  }
  return `${answer.status}${answer.location ? ` → ${answer.location}` : ""}`;
}

/** Each actor's answer on a page or route handler of one scene. */
export async function probeRoute(scene: Scene, row: RouteRow): Promise<Record<Actor, Outcome | string>> {
  const path = row.path(scene);
  const answers = await Promise.all(
    ACTORS.map(async (actor) => {
      const body = row.body?.(scene);
      const answer = await request(path, tokenOf(scene, actor), {
        method: row.method,
        body: body?.data,
        headers: body ? { "Content-Type": body.type } : {},
      });
      return [actor, pageOutcome(answer, path)] as const;
    }),
  );
  return Object.fromEntries(answers) as Record<Actor, Outcome | string>;
}

type Ids = Map<string, string>;
export type ActionCell = { outcome: Outcome | string; written: string[]; leak?: string };

function actionOutcome(answer: Answer): Outcome | string | null {
  if (answer.status >= 500) return `${answer.status}`;
  if (isNotFound(answer)) return "404";
  if (actionError(answer)) return `threw ${actionError(answer)}`;
  if (isSignInRedirect(answer)) return "sign-in";
  if (answer.status !== 200) return `${answer.status}`;
  return null;
}

/** What a refused caller learns: the answer's kind, where it sends them, what it says (minus the echoed form). */
function told(answer: Answer, unforge = (t: string) => t): string {
  const result = actionResult(answer);
  const said = result && typeof result === "object" ? { ...result, values: undefined } : result;
  return unforge(JSON.stringify({ outcome: actionOutcome(answer), location: answer.location, said }));
}

/**
 * One actor calls the action with the authorised person's arguments, in a scene of its own.
 * Written: the tables that changed although the answer was a refusal (must stay empty). A refused
 * caller then repeats the call with every id swapped for one that does not exist: `leak` says how
 * the two answers differ, if they do.
 */
export async function probeAction(sql: Sql, ids: Ids, row: ActionRow, actor: Actor): Promise<ActionCell> {
  const s = await seedScene(sql);
  const id = (key: string) => ids.get(key) ?? `(no such action ${key})`;
  const run = async (key: string, args: unknown[]) => void (await callAction(id(key), args, s.people.admin.token));
  const prepared = (await row.prepare?.({ sql, s, actor, run })) ?? {};
  const before = await digest(sql, s);
  const args = row.args(s, prepared);
  const answer = await callAction(id(row.action), args, tokenOf(s, actor));
  const written = changedTables(before, await digest(sql, s));
  const outcome = actionOutcome(answer) ?? ((await row.effect({ sql, s, actor })) ? "allowed" : "refused");
  try {
    if (outcome === "allowed") return { outcome, written: [] };
    if (row.secret === null) return { outcome, written };
    const forged = forge(s, args, row.secret?.(s));
    const real = told(answer);
    const fake = told(await callAction(id(row.action), forged.args, tokenOf(s, actor)), forged.unforge);
    return {
      outcome,
      written: changedTables(before, await digest(sql, s)),
      leak: real === fake ? undefined : `${real} ≠ ${fake}`,
    };
  } finally {
    await dropScene(sql, s);
  }
}

/** The cells as the matrix states them, for comparing with what was observed. */
export const asObserved = (cells: Cells) => cells as Record<Actor, Outcome | string>;
