import { currentUser } from "../../../../../../session";
import { gridPdf } from "@/lib/roster/grid-sheet";
import { gridSheet } from "../sheet";

type Context = { params: Promise<{ slug: string; sessionId: string }> };

/** The grid as an A4 PDF, one line per car (the event's club staff; anyone else 404). */
export async function GET(_request: Request, { params }: Context) {
  const [{ slug, sessionId }, user] = await Promise.all([params, currentUser()]);
  const sheet = user ? await gridSheet(user.id, slug, sessionId) : null;
  if (!sheet) return new Response("Not found", { status: 404 });
  const pdf = await gridPdf(sheet.title, sheet.subtitle, sheet.lines, sheet.labels);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${sheet.fileName}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
