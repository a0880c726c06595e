import { crossSiteRefusal, deviceKey, limitRefusal } from "@/app/route-guards";
import { currentUser } from "@/app/session";
import { getCheckInCopy, getCheckInLive, getGateEvent } from "@/db/check-in/reads";
import { checkIn, type CheckInOutcome } from "@/db/check-in/writes";
import type { SyncOutcome } from "@/lib/check-in/types";
import { syncSchema } from "@/lib/schemas/check-in";

// The gate phones' endpoint: GET the offline copy (list + ticket key), GET ?since= the live
// counts, POST the queued check-ins. Only for the event's gate staff, organisers and admins.
type Context = { params: Promise<{ slug: string }> };
const noStore = { "Cache-Control": "private, no-store" };
const answer = (body: unknown, status = 200) => Response.json(body, { status, headers: noStore });

async function gateFor(context: Context) {
  const user = await currentUser();
  if (!user) return { error: answer({ error: "sign in" }, 401) } as const;
  const event = await getGateEvent(user.id, (await context.params).slug);
  return event ? ({ user, event } as const) : ({ error: answer({ error: "not found" }, 404) } as const);
}

export async function GET(request: Request, context: Context) {
  const gate = await gateFor(context);
  if ("error" in gate) return gate.error;
  const since = new URL(request.url).searchParams.get("since");
  if (since === null) return answer(await getCheckInCopy(gate.event));
  const moment = new Date(since);
  if (Number.isNaN(moment.getTime())) return answer({ error: "since must be an ISO time" }, 400);
  return answer(await getCheckInLive(gate.event, moment));
}

/** The phones' sync protocol (use-pending-queue.ts): a refusal travels as `reason`. */
function onTheWire(outcome: CheckInOutcome): SyncOutcome {
  if (!outcome) return { ok: false, reason: "notFound" };
  return outcome.ok ? outcome : { ok: false, reason: outcome.error };
}

export async function POST(request: Request, context: Context) {
  // JSON only, and only from our own pages: a cross-site form or fetch never gets this far.
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  if (!request.headers.get("content-type")?.startsWith("application/json"))
    return answer({ error: "JSON expected" }, 415);
  const gate = await gateFor(context);
  if ("error" in gate) return gate.error;
  const limited = await limitRefusal("checkInSyncPerDevice", await deviceKey(gate.user.id));
  if (limited) return limited;
  const parsed = syncSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return answer({ error: "invalid check-ins" }, 400);
  const results = [];
  // One after another: each is its own short transaction, and a phone's queue is small.
  for (const item of parsed.data.checkIns) {
    results.push({ clientId: item.clientId, outcome: onTheWire(await checkIn(gate.user.id, gate.event.slug, item)) });
  }
  return answer({ results, serverTime: new Date().toISOString() });
}
