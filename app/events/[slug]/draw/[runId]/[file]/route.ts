import { getDrawFiles } from "@/db/draws/reads";

type Context = { params: Promise<{ slug: string; runId: string; file: string }> };

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A run's public files, `input.json` (ids, rankings and capacities; no names) and `result.json`
 * (draw positions and places by id), each the exact text whose SHA-256 the draw page shows, so
 * `sha256sum` checks them (docs/LOTTERY.md).
 */
export async function GET(_request: Request, { params }: Context) {
  const { slug, runId, file } = await params;
  if (file !== "input.json" && file !== "result.json") return notFound();
  const files = await getDrawFiles(slug, runId);
  const body = file === "input.json" ? files?.input : files?.result;
  if (!body) return notFound();
  return new Response(body, {
    headers: {
      "Content-Type": "application/json",
      "Content-Disposition": `attachment; filename="draw-${runId}-${file}"`,
      "Cache-Control": "no-cache",
    },
  });
}
