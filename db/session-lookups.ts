import { AsyncLocalStorage } from "node:async_hooks";
import type { Adapter } from "next-auth/adapters";
import { isDatabaseUnavailable } from "./unavailable";

// Auth.js reads the session through the adapter and, when that throws, logs the error and answers
// "signed out": during a database outage every signed-in person would be sent to /signin and their
// forms refused. The adapter reports such a failure to the request's lookup, and sessionOrOutage()
// throws it, so the request ends on the 503 "try again" page (server/requests.ts) instead.

type Lookup = { failed?: unknown };
const lookups = ((globalThis as { __ringmeetSessionLookups?: AsyncLocalStorage<Lookup> }).__ringmeetSessionLookups ??=
  new AsyncLocalStorage<Lookup>());

type SessionMethod = "getSessionAndUser" | "updateSession" | "deleteSession";

/** The adapter, its session reads and writes reporting an unavailable database to sessionOrOutage(). */
export function reportingOutages(adapter: Adapter): Adapter {
  const wrapped: Adapter = { ...adapter };
  for (const name of ["getSessionAndUser", "updateSession", "deleteSession"] as SessionMethod[]) {
    const method = adapter[name] as ((arg: never) => unknown) | undefined;
    if (!method) continue;
    wrapped[name] = (async (arg: never) => {
      try {
        return await method.call(adapter, arg);
      } catch (error) {
        const lookup = lookups.getStore();
        if (lookup && isDatabaseUnavailable(error)) lookup.failed = error;
        throw error;
      }
    }) as never;
  }
  return wrapped;
}

/** Runs Auth.js's `auth()`; throws the database's error when the session could not be read, rather than "signed out". */
export async function sessionOrOutage<T>(auth: () => Promise<T>): Promise<T> {
  const lookup: Lookup = {};
  const session = await lookups.run(lookup, auth);
  if (lookup.failed !== undefined) throw lookup.failed;
  return session;
}
