import { NetworkFirst, Serwist, type PrecacheEntry } from "serwist";
import { CHECK_IN_PAGE_CACHE } from "@/lib/check-in/storage";

// The service worker of the gate pages (registered with scope /organise/events/ by the check-in
// page). It keeps the app's static files (precached at install) and the check-in page itself
// (network first, the copy when there is no signal), so the page opens again offline; the list
// and the queue live in IndexedDB, not here.

declare const self: { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const CHECK_IN_PAGE = /^\/organise\/events\/[^/]+\/check-in$/;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // The page's HTML, not its RSC requests (?_rsc=…) or the JSON under ./data, which the page reads itself.
      matcher: ({ url, request, sameOrigin }) =>
        sameOrigin &&
        request.method === "GET" &&
        CHECK_IN_PAGE.test(url.pathname) &&
        !url.searchParams.has("_rsc") &&
        request.headers.get("RSC") !== "1",
      handler: new NetworkFirst({
        cacheName: CHECK_IN_PAGE_CACHE,
        // A weak signal at the gate: after a few seconds the saved page is better than waiting.
        networkTimeoutSeconds: 4,
        // One saved page per event, whatever search it was opened with.
        matchOptions: { ignoreSearch: true, ignoreVary: true },
      }),
    },
  ],
});

serwist.addEventListeners();
