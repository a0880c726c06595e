"use client";

import { HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * Holds what the server prefetched (`state`); from then on the browser polls every `pollMs`.
 * One client per page view; staleTime just under the poll interval, so a page served from a cache
 * refetches on load, and a failed poll is retried once (the next one comes in a few seconds anyway).
 */
export function LiveQueryProvider({
  state,
  pollMs,
  children,
}: {
  state: DehydratedState;
  pollMs: number;
  children: ReactNode;
}) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: pollMs - 1000, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <HydrationBoundary state={state}>{children}</HydrationBoundary>
    </QueryClientProvider>
  );
}
