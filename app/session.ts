import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { sessionOrOutage } from "@/db/session-lookups";
import { signInPath } from "@/lib/auth-guard";

export type SessionUser = { id: string; email: string; name: string | null };

/**
 * Auth.js's session; when the database could not be asked, its error (the 503 "try again" page),
 * never "signed out" (db/session-lookups.ts).
 */
export const currentSession = () => sessionOrOutage(() => auth());

/** The signed-in user, or a redirect to /signin that comes back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = (await currentSession())?.user;
  if (!user?.id || !user.email) redirect(signInPath(returnTo));
  return { id: user.id, email: user.email, name: user.name ?? null };
}

export async function currentUser(): Promise<SessionUser | null> {
  const user = (await currentSession())?.user;
  return user?.id && user.email ? { id: user.id, email: user.email, name: user.name ?? null } : null;
}
