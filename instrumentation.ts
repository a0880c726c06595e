// Runs once when a server process starts. The Node-only work lives in its own module so the
// edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}

type RequestFailed = (error: unknown, headers: Record<string, string | string[] | undefined>) => void;

/**
 * Next.js calls this for every error of a request, synchronously, before it answers 500. In the
 * Node server instrumentation-node.ts installs server/requests.ts's handler (it turns a 500 caused
 * by an unavailable database into a 503); it is reached through globalThis because this file is
 * also bundled for the edge runtime, which must not import Node's modules.
 */
export function onRequestError(error: unknown, request: { headers: Record<string, string | string[] | undefined> }) {
  (globalThis as { __ringmeetRequestFailed?: RequestFailed }).__ringmeetRequestFailed?.(error, request.headers);
}
