import type { CheckInLive } from "@/db/check-in/reads";
import type { CheckInCopy, PendingCheckIn, SyncOutcome } from "@/lib/check-in/types";

// The gate page's one query-key factory: the server prefetch and the phone's polling must agree.
export const checkInKeys = {
  all: ["check-in"] as const,
  copy: (slug: string) => [...checkInKeys.all, slug, "copy"] as const,
  live: (slug: string, since: string) => [...checkInKeys.all, slug, "live", since] as const,
};

/** Counts reach every gate phone within a few seconds. */
export const LIVE_POLL_MS = 3000;
/** The whole list (for offline use) is fetched again less often; the live poll fills the gap. */
export const COPY_REFRESH_MS = 60_000;

export const checkInPath = (slug: string) => `/organise/events/${encodeURIComponent(slug)}/check-in`;
export const checkInDataUrl = (slug: string) => `${checkInPath(slug)}/data`;

/**
 * The live poll asks for the cars checked in since a minute before the copy was read: the overlap
 * covers a check-in whose transaction began before the copy was read and committed after.
 */
export const sinceFor = (copy: Pick<CheckInCopy, "fetchedAt">) =>
  new Date(new Date(copy.fetchedAt).getTime() - 60_000).toISOString();

export type SyncAnswer = { results: { clientId: string; outcome: SyncOutcome }[]; serverTime: string };

/** A failed request that says why (401: signed out; 404: no longer allowed at this gate). */
export class GateHttpError extends Error {
  constructor(readonly status: number) {
    super(`check-in data: HTTP ${status}`);
  }
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new GateHttpError(response.status);
  return (await response.json()) as T;
}

export const fetchCopy = async (slug: string) =>
  json<CheckInCopy>(await fetch(checkInDataUrl(slug), { cache: "no-store" }));

export const fetchLive = async (slug: string, since: string) =>
  json<CheckInLive>(await fetch(`${checkInDataUrl(slug)}?since=${encodeURIComponent(since)}`, { cache: "no-store" }));

export async function postCheckIns(slug: string, checkIns: PendingCheckIn[]): Promise<SyncAnswer> {
  const response = await fetch(checkInDataUrl(slug), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ checkIns }),
  });
  return json<SyncAnswer>(response);
}
