import { getLiveCounts } from "@/app/events/live-counts";

// Polled every few seconds by open event pages; answered from a two-second in-process cache.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const counts = await getLiveCounts((await params).slug);
  if (!counts) return Response.json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "public, max-age=5" } });
  return Response.json(counts, { headers: { "Cache-Control": "public, max-age=2" } });
}
