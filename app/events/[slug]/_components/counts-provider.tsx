"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { LiveCounts } from "@/app/events/live-counts";
import { countsUrl } from "./event-queries";

const Counts = createContext<LiveCounts | undefined>(undefined);

/**
 * The public page's live counts: what the server rendered (`initial`), then the counts route
 * every `pollMs` while the page is visible, at once when it is shown again, and once right after
 * loading (the page itself may come from a cache). The organisers' live views use TanStack Query;
 * this page needs only this, and every byte of JavaScript here is paid on a phone on the Eifel's
 * weak signal (docs/PERFORMANCE.md). A failed poll keeps the last counts until the next one.
 */
export function CountsProvider({
  slug,
  initial,
  pollMs,
  children,
}: {
  slug: string;
  initial: LiveCounts;
  pollMs: number;
  children: ReactNode;
}) {
  const [counts, setCounts] = useState(initial);
  useEffect(() => {
    let asked = 0;
    let shown = 0;
    let stopped = false;
    const refresh = async () => {
      if (stopped || document.visibilityState === "hidden") return;
      const mine = ++asked;
      try {
        const response = await fetch(countsUrl(slug));
        const fresh = response.ok ? ((await response.json()) as LiveCounts) : null;
        // An answer overtaken by a later one is dropped: the counts never step back.
        if (fresh && !stopped && mine > shown) {
          shown = mine;
          setCounts(fresh);
        }
      } catch {
        // Offline or the server away: the counts shown stay until the next poll answers.
      }
    };
    const onVisible = () => void refresh();
    void refresh();
    const timer = setInterval(refresh, pollMs);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      stopped = true;
    };
  }, [slug, pollMs]);
  return <Counts value={counts}>{children}</Counts>;
}

/** The event's counts as last seen. */
export const useCounts = (): LiveCounts | undefined => useContext(Counts);
