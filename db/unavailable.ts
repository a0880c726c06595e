// Which errors mean "the database cannot serve this right now; try again" rather than "this
// request is wrong". No import of next, react or the pool: the server's request hook uses it too.

// Node's socket errors and postgres.js's own connection errors.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

// SQLSTATEs: the server is going away, starting, full, or one of the pool's timeouts fired
// (db/client.ts): a lock or statement that waited too long, a transaction left idle.
const UNAVAILABLE_STATES = new Set([
  "57P01", // admin_shutdown (pg_ctl stop/restart -m fast)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, recovering)
  "53300", // too_many_connections
  "57014", // query_canceled (statement_timeout)
  "55P03", // lock_not_available (lock_timeout)
  "25P03", // idle_in_transaction_session_timeout
]);

type Coded = { code?: unknown; cause?: unknown; errors?: unknown };

/**
 * True when `error` (or what it wraps: Drizzle puts the driver's error in `cause`) says the
 * database is unreachable, restarting or overloaded: the request may simply be tried again.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const { code, cause, errors } = error as Coded;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith("08")))
    return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
