"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RosterData } from "@/db/roster/reads";
import type { RosterQuery } from "@/lib/roster/query";
import { ROSTER_POLL_MS, rosterDataUrl, rosterKeys } from "./roster-queries";

async function fetchRoster(slug: string, query: RosterQuery): Promise<RosterData> {
  const response = await fetch(rosterDataUrl(slug, query), { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`roster: HTTP ${response.status}`);
  return (await response.json()) as RosterData;
}

export function useRoster(slug: string, query: RosterQuery) {
  return useQuery({
    queryKey: rosterKeys.page(slug, query),
    queryFn: () => fetchRoster(slug, query),
    refetchInterval: ROSTER_POLL_MS,
    placeholderData: keepPreviousData,
  });
}
