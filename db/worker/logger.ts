import { Logger } from "graphile-worker";

/** graphile-worker logs every step at info level; keep only its errors. */
export const workerLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[worker] ${message}`);
});
