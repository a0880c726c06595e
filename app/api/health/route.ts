import { isDatabaseUp } from "@/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await isDatabaseUp();
  return Response.json({ status: up ? "ok" : "degraded", db: up ? "ok" : "down" }, { status: up ? 200 : 503, headers: { "cache-control": "no-store" } });
}
