"use client";

import { useEffect, useSyncExternalStore } from "react";

const subscribe = (change: () => void) => {
  window.addEventListener("online", change);
  window.addEventListener("offline", change);
  return () => {
    window.removeEventListener("online", change);
    window.removeEventListener("offline", change);
  };
};

/** Whether the phone thinks it is online (the server render assumes it is). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * Installs the service worker (built by serwist, app/serwist) for the organiser pages and has it
 * keep this page, so the gate page opens again with no signal. Its scope stays under
 * /organise/events/: the rest of the site never depends on it.
 */
export function useServiceWorker(): void {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    void (async () => {
      await navigator.serviceWorker.register("/serwist/sw.js", { scope: "/organise/events/", type: "module" });
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [window.location.pathname] } });
    })().catch(() => undefined);
  }, []);
}
