import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { signInPath } from "@/lib/auth-guard";

export type SessionUser = { id: string; email: string; name: string | null };

/** The signed-in user, or a redirect to /signin that comes back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) redirect(signInPath(returnTo));
  return { id: user.id, email: user.email, name: user.name ?? null };
}

export async function currentUser(): Promise<SessionUser | null> {
  const user = (await auth())?.user;
  return user?.id && user.email ? { id: user.id, email: user.email, name: user.name ?? null } : null;
}
