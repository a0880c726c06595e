"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { applyStates } from "@/lib/check-in/merge";
import type { CheckInCopy, CheckInState } from "@/lib/check-in/types";
import { checkInKeys, COPY_REFRESH_MS, fetchCopy, fetchLive, LIVE_POLL_MS, sinceFor } from "./check-in-queries";
import { withContactsFrom, withoutExpiredContacts } from "@/lib/check-in/expiry";
import { loadCopy, saveCopy } from "./offline-store";

type Known = { state: CheckInState; at: string };

/**
 * The event as this phone knows it: the newest of the server's copy (prefetched, then refreshed
 * while online) and the one saved on the phone, with every newer word from the server on single
 * cars (the live poll, the answers to sent check-ins) laid over it. Saved to IndexedDB as it changes.
 */
export function useOfflineCopy(slug: string) {
  const server = useQuery({
    queryKey: checkInKeys.copy(slug),
    queryFn: () => fetchCopy(slug),
    refetchInterval: COPY_REFRESH_MS,
    staleTime: COPY_REFRESH_MS / 2,
  });
  const [saved, setSaved] = useState<CheckInCopy | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [known, setKnown] = useState<Map<string, Known>>(() => new Map());
  useEffect(() => {
    void loadCopy(slug).then((copy) => {
      setSaved(copy);
      setLoaded(true);
    });
  }, [slug]);

  const base = useMemo(() => {
    const found = newest(server.data ?? null, saved);
    return found && withContactsFrom(found, saved);
  }, [server.data, saved]);
  const live = useQuery({
    queryKey: checkInKeys.live(slug, base ? sinceFor(base) : ""),
    queryFn: () => fetchLive(slug, sinceFor(base!)),
    enabled: !!base,
    refetchInterval: LIVE_POLL_MS,
    placeholderData: keepPreviousData,
  });

  const learn = useCallback((states: CheckInState[], at: string) => {
    if (states.length === 0) return;
    setKnown((prev) => {
      const next = new Map(prev);
      for (const state of states) {
        const current = next.get(state.registrationId);
        if (!current || current.at <= at) next.set(state.registrationId, { state, at });
      }
      return next;
    });
  }, []);
  const liveData = live.data;

  const merged = useMemo(() => {
    if (!base) return null;
    const polled = (liveData?.changes ?? []).map((state) => ({ state, at: liveData!.serverTime }));
    // Oldest first: where two words on one car differ, the later one is applied last and stands.
    const newer = [...known.values(), ...polled]
      .filter((k) => k.at > base.fetchedAt)
      .sort((a, b) => a.at.localeCompare(b.at));
    const states = newer.map((k) => k.state);
    // Whatever the copy came from (the server, the phone's store, a page cached on the day), no
    // emergency contact is shown after the event's last day.
    const copy = withoutExpiredContacts(applyStates(base, states), new Date());
    return { copy, key: `${base.fetchedAt}|${JSON.stringify(states)}` };
  }, [base, known, liveData]);
  const copy = merged?.copy ?? null;

  // Written only when something changed, not on every poll: a big event's list is not small.
  // Nothing is written before the phone's copy was read, nor a copy from the page's HTML (it has no
  // contacts): either would replace a copy that has them, and offline the contacts would be gone.
  const savedKey = useRef("");
  useEffect(() => {
    if (!merged || !loaded || merged.copy.contactsWithheld || merged.key === savedKey.current) return;
    savedKey.current = merged.key;
    void saveCopy(slug, merged.copy);
  }, [slug, merged, loaded]);

  return {
    copy,
    counts: liveData?.counts ?? null,
    learn,
    fromPhone: !!saved && base === saved,
    reachable: !live.isError,
  };
}

function newest(a: CheckInCopy | null, b: CheckInCopy | null): CheckInCopy | null {
  if (!a || !b) return a ?? b;
  return b.fetchedAt > a.fetchedAt ? b : a;
}
