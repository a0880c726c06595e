// Names the gate page and the sign-out button agree on: signing out deletes both, so a shared
// phone keeps no list of drivers and no ticket key once its user has left.

/** The IndexedDB database holding the offline copies and the queue of pending check-ins. */
export const CHECK_IN_DB = "ringmeet-check-in";

/** The service worker's cache of check-in pages (their HTML holds the list too). */
export const CHECK_IN_PAGE_CACHE = "ringmeet-check-in-pages";
