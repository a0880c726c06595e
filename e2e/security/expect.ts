import { ACTORS, type Actor } from "./actors";

/**
 * What a cell expects. allowed: the page or file is served (200), or the action's effect is in
 * the database. 404: the not-found answer, the same as for something that does not exist.
 * sign-in: a redirect to /signin that comes back afterwards. 401: a JSON route's "sign in" (a
 * program polls it; it cannot follow a redirect to a form). refused: the action answered with its
 * form's refusal or back to its page, and wrote nothing.
 */
export type Outcome = "allowed" | "404" | "sign-in" | "401" | "refused";
export type Cells = Record<Actor, Outcome>;

/** Every actor allowed (a public page). */
export const everyone = (): Cells => Object.fromEntries(ACTORS.map((a) => [a, "allowed"])) as Cells;

/**
 * `who` allowed, every other signed-in actor `others`, the signed-out visitor `anonymous`.
 * The default is the usual page: sign in first, then 404 unless it is yours.
 */
export function only(who: readonly Actor[], others: Outcome = "404", anonymous: Outcome = "sign-in"): Cells {
  return Object.fromEntries(
    ACTORS.map((a) => [a, a === "anonymous" ? anonymous : who.includes(a) ? "allowed" : others]),
  ) as Cells;
}

export const signedIn: readonly Actor[] = ACTORS.filter((a) => a !== "anonymous");
/** Who may do what in the scene's club (lib/roles.ts). */
export const clubStaff: readonly Actor[] = ["gate", "organiser", "admin"];
export const organisers: readonly Actor[] = ["organiser", "admin"];
