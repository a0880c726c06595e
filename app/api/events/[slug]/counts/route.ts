import { getLiveCounts } from "@/app/events/live-counts";
import { isSlug } from "@/lib/slug";

const notFound = () =>
  Response.json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "public, max-age=5" } });

// Polled every few seconds by open event pages; answered from a two-second in-process cache.
// A slug that cannot be one (a NUL byte would fail in Postgres) is not found without a query.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const counts = isSlug(slug) ? await getLiveCounts(slug) : null;
  if (!counts) return notFound();
  return Response.json(counts, { headers: { "Cache-Control": "public, max-age=2" } });
}
