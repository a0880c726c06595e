// The event form's entries, flattened by the browser (`sessions.0.name` …), as eventSchema
// (./event.ts) reads them: rows, ticked boxes and the values shown again when the form is refused.

const sessionKeys = [
  "id",
  "name",
  "kind",
  "day",
  "start",
  "end",
  "capacity",
  "noiseLimitDb",
  "confirmRemoval",
  "remove",
] as const;
const eventKeys = [
  "name",
  "slug",
  "venue",
  "description",
  "startsOn",
  "endsOn",
  "registrationOpensAt",
  "registrationClosesAt",
  "allocation",
  "maxSessionsPerCar",
  "rulesText",
] as const;

/** Form entries (`sessions.0.name` …) → the shape eventSchema parses, and the session row count. */
export function eventFormInput(entries: Iterable<[string, unknown]>) {
  const flat = new Map<string, string>();
  const models: string[] = [];
  const levels = new Map<string, string[]>();
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    if (key === "eligibleModels") models.push(value);
    // Ticked boxes post one value each; the form's own values (refused and shown again) join them with ",".
    else if (/^sessions\.\d+\.levels$/.test(key))
      levels.set(key, [...(levels.get(key) ?? []), ...value.split(",").filter(Boolean)]);
    else flat.set(key, value);
  }
  // A row whose only ticked box is a level still counts as a row.
  for (const key of levels.keys()) if (!flat.has(key)) flat.set(key, "");
  const rows = Math.min(
    60,
    Math.max(
      0,
      ...[...flat.keys()]
        .map((k) => /^sessions\.(\d+)\./.exec(k))
        .filter(Boolean)
        .map((m) => Number(m![1]) + 1),
    ),
  );
  const sessions = Array.from({ length: rows }, (_, i) => ({
    ...(Object.fromEntries(sessionKeys.map((k) => [k, flat.get(`sessions.${i}.${k}`)])) as Record<
      (typeof sessionKeys)[number],
      string | undefined
    >),
    levels: levels.get(`sessions.${i}.levels`) ?? [],
  }));
  const event = Object.fromEntries(eventKeys.map((k) => [k, flat.get(k)]));
  return {
    input: { ...event, eligibleModels: models, sessions },
    rows,
    values: {
      ...Object.fromEntries(flat),
      ...Object.fromEntries([...levels].map(([k, v]) => [k, v.join(",")])),
      eligibleModels: models.join(","),
    },
  };
}
