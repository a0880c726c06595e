/**
 * Who may do what with a passkey. Passkeys are added only by a signed-in person (from /account);
 * signing in with one never creates an account; and a signed-out visitor's request for options
 * gets the same answer whatever address it names, so it tells nobody who has an account.
 */

/** A signed-out visitor may only authenticate, with discoverable credentials (no address). */
export type OptionsVerdict = "refuse" | "authenticate-anonymously" | "as-asked";

export function passkeyOptionsVerdict(signedIn: boolean, action: string | null): OptionsVerdict {
  if (signedIn) return "as-asked";
  return action === "register" ? "refuse" : "authenticate-anonymously";
}

/** A registration reaches Auth.js's callback only from a signed-in person. */
export function passkeyCallbackVerdict(signedIn: boolean, action: string | null): "refuse" | "as-asked" {
  return !signedIn && action === "register" ? "refuse" : "as-asked";
}

/**
 * Auth.js's signIn callback, for the passkey provider: the user must already exist (Auth.js hands
 * over a user without an id when it is about to create one). Other providers are not judged here.
 */
export function mayPasskeySignIn(accountType: string | undefined, user: { id?: string | null }): boolean {
  return accountType !== "webauthn" || Boolean(user.id);
}
