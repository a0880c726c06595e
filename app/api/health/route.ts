import { isDatabaseUp } from "@/db/health";
import { mailWorkerStatus } from "@/db/worker/supervisor";

export const dynamic = "force-dynamic";

/**
 * 200 when this instance can serve: the database answers and the mail worker (unless this
 * instance runs none, "off") is running and listening. Anything else is 503, so a load balancer
 * takes the instance out until both are back: a worker that is down means mail waits.
 */
export async function GET() {
  const db = (await isDatabaseUp()) ? "ok" : "down";
  const worker = mailWorkerStatus();
  const ok = db === "ok" && worker !== "down";
  return Response.json(
    { status: ok ? "ok" : "degraded", db, worker },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
