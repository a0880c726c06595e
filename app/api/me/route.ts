import { currentSession } from "@/app/session";
import { isClubStaff } from "@/db/clubs";

// Who is signed in, for the header of pages that are cached for everybody. Nothing personal.
export async function GET() {
  const session = await currentSession();
  const userId = session?.user?.id;
  const staff = userId ? await isClubStaff(userId) : false;
  return Response.json({ signedIn: Boolean(userId), staff }, { headers: { "Cache-Control": "private, no-store" } });
}
