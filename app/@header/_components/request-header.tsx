import { currentSession } from "@/app/session";
import { SiteHeader } from "@/components/site-header";
import { isClubStaff } from "@/db/clubs";
import { headerActions } from "./header-actions";

/** The header of pages rendered per request: who is signed in is asked here and handed down. */
export async function RequestHeader({ here }: { here?: string }) {
  const session = await currentSession();
  const userId = session?.user?.id;
  const viewer = session ? { staff: userId ? await isClubStaff(userId) : false } : null;
  return <SiteHeader here={here} viewer={viewer} actions={headerActions} />;
}
