import { currentUser } from "../../../../../../session";
import { gridCsv } from "@/lib/roster/grid-sheet";
import { gridSheet } from "../sheet";

type Context = { params: Promise<{ slug: string; sessionId: string }> };

/** The grid as CSV (organisers, admins and gate staff of the event's club; anyone else 404). */
export async function GET(_request: Request, { params }: Context) {
  const [{ slug, sessionId }, user] = await Promise.all([params, currentUser()]);
  const sheet = user ? await gridSheet(user.id, slug, sessionId) : null;
  if (!sheet) return new Response("Not found", { status: 404 });
  return new Response(gridCsv(sheet.lines, sheet.labels), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${sheet.fileName}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
