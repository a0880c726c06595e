// Runs once when a server process starts. The Node-only work lives in its own module so the
// edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
