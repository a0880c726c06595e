"use client";

import { HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { LIVE_POLL_MS } from "./check-in-queries";

/** Holds the copy and counts the server prefetched; from then on the phone polls for fresh ones. */
export function CheckInProvider({ state, children }: { state: DehydratedState; children: ReactNode }) {
  // Offline, a failed poll is not worth retrying: the next one comes in a few seconds anyway.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: LIVE_POLL_MS - 1000, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <HydrationBoundary state={state}>{children}</HydrationBoundary>
    </QueryClientProvider>
  );
}
