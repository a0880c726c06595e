import { currentUser } from "@/app/session";
import { getRoster } from "@/db/roster/reads";
import { parseRosterQuery } from "@/lib/roster/query";

// Polled by the open roster every few seconds: the same page and counts the server rendered.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const user = await currentUser();
  if (!user) return Response.json({ error: "sign in" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const roster = await getRoster(user.id, (await params).slug, parseRosterQuery(searchParams));
  if (!roster) return Response.json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json(roster.data, { headers: { "Cache-Control": "private, no-store" } });
}
