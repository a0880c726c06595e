export type MicroCache<T> = { get: (key: string) => Promise<T>; forget: (key: string) => void };

/**
 * Memoises an async loader per key for `ttlMs`, and shares one load between callers that arrive
 * while it runs: a thousand phones polling one event cost one query per interval, not a thousand.
 * A failed load is not kept. At most `maxKeys` keys are held (oldest dropped first), so requests
 * for made-up keys cannot grow it without bound.
 */
export function microCache<T>(
  load: (key: string) => Promise<T>,
  options: { ttlMs: number; maxKeys?: number; now?: () => number },
): MicroCache<T> {
  const { ttlMs, maxKeys = 500, now = Date.now } = options;
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      entries.delete(key);
      const value = load(key);
      entries.set(key, { at: now(), value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
      return value;
    },
    forget(key) {
      entries.delete(key);
    },
  };
}
