"use client";

import { HydrationBoundary, keepPreviousData, QueryClient, QueryClientProvider, useQuery, type DehydratedState } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { RosterData } from "@/db/roster";
import type { RosterQuery } from "@/lib/roster/query";
import { ROSTER_POLL_MS, rosterDataUrl, rosterKeys } from "./roster-queries";

/**
 * Holds the page the server rendered; from then on the browser polls for fresh rows and counts.
 * After a change the server renders again and its newer copy replaces the one held here.
 */
export function RosterProvider({ state, children }: { state: DehydratedState; children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: ROSTER_POLL_MS - 1000, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <HydrationBoundary state={state}>{children}</HydrationBoundary>
    </QueryClientProvider>
  );
}

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
