import { setLocaleAction, signOutAction } from "@/app/actions";
import { currentSession } from "@/app/session";
import { SiteHeader, type HeaderActions } from "@/components/site-header";
import { isClubStaff } from "@/db/clubs";

/** The header's two forms post to these; components/ gets them from here (it never imports app/). */
export const headerActions: HeaderActions = { signOut: signOutAction, setLocale: setLocaleAction };

/** The header of pages rendered per request: who is signed in is asked here and handed down. */
export async function RequestHeader({ here }: { here?: string }) {
  const session = await currentSession();
  const userId = session?.user?.id;
  const viewer = session ? { staff: userId ? await isClubStaff(userId) : false } : null;
  return <SiteHeader here={here} viewer={viewer} actions={headerActions} />;
}
