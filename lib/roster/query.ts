import { z } from "zod";
import { queryParam as param, searchTextParam, uuidParam } from "@/lib/search-params";

export type PlaceStatus = "confirmed" | "waiting";
export type RosterStatus = PlaceStatus | "cancelled";

/**
 * The roster's Status column: "confirmed" with at least one confirmed session, "waiting" with only
 * waiting-list places, "cancelled" once the registration is cancelled. An active registration left
 * with no place at all (its sessions deleted) takes part in nothing, so it reads as cancelled too.
 */
export function rosterStatus(places: readonly PlaceStatus[], registrationCancelled = false): RosterStatus {
  if (registrationCancelled) return "cancelled";
  if (places.includes("confirmed")) return "confirmed";
  return places.length > 0 ? "waiting" : "cancelled";
}

export const ROSTER_SORTS = [
  "plaque",
  "driver",
  "car",
  "colour",
  "plate",
  "status",
  "checkedIn",
  "registered",
] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];
export const ROSTER_PAGE_SIZE = 50;
export const ROSTER_MAX_PAGE_SIZE = 200;
const MAX_SEARCH = 100;

const optionalText = param(z.string().trim().min(1).max(MAX_SEARCH).nullable()).catch(null);

/**
 * The roster's query string. Every field falls back to its default instead of failing, so a
 * hand-edited or stale link shows the roster rather than an error page.
 */
export const rosterQuerySchema = z.object({
  q: searchTextParam(MAX_SEARCH),
  session: uuidParam(),
  status: param(z.enum(["confirmed", "waiting", "cancelled"]).nullable()).catch(null),
  checkedIn: param(z.enum(["yes", "no"]).nullable()).catch(null),
  paperwork: param(z.enum(["complete", "missing"]).nullable()).catch(null),
  colour: optionalText,
  model: optionalText,
  sort: param(z.enum(ROSTER_SORTS)).catch("plaque"),
  dir: param(z.enum(["asc", "desc"])).catch("asc"),
  page: param(z.coerce.number().int().min(1).max(1_000_000)).catch(1),
  pageSize: param(
    z.coerce
      .number()
      .int()
      .min(1)
      .transform((n) => Math.min(n, ROSTER_MAX_PAGE_SIZE)),
  ).catch(ROSTER_PAGE_SIZE),
});

export type RosterQuery = z.output<typeof rosterQuerySchema>;

export const DEFAULT_ROSTER_QUERY: RosterQuery = {
  q: "",
  session: null,
  status: null,
  checkedIn: null,
  paperwork: null,
  colour: null,
  model: null,
  sort: "plaque",
  dir: "asc",
  page: 1,
  pageSize: ROSTER_PAGE_SIZE,
};

/** Next's `searchParams` → a valid query; never throws. */
export function parseRosterQuery(searchParams: Record<string, string | string[] | undefined>): RosterQuery {
  const parsed = rosterQuerySchema.safeParse(searchParams ?? {});
  return parsed.success ? parsed.data : { ...DEFAULT_ROSTER_QUERY };
}

/** The query as link parameters, defaults left out so links stay short: `?${params}`. */
export function rosterQueryToSearchParams(query: RosterQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_ROSTER_QUERY) as (keyof RosterQuery)[]) {
    const value = query[key];
    if (value === null || value === "" || value === DEFAULT_ROSTER_QUERY[key]) continue;
    params.set(key, String(value));
  }
  return params;
}
