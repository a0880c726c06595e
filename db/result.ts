/**
 * The one shape of a refusal from db/: `error` is a message key (lib/schemas' catalogue keys, with
 * values after "?"), `field` the form field it belongs beside (none, or "form": above the form).
 * Not found, or not the caller's to see, is `null`: the same answer for both, so a refusal never
 * tells a stranger that something exists. `also`: more fields refused by the same check. Actions turn a refusal into the form's answer in one
 * place (app/action.ts, refusalAnswer).
 */
export type Refusal = { ok: false; field?: string; error: string; also?: Record<string, string> };

export const refuse = (error: string, field?: string): Refusal =>
  field ? { ok: false, field, error } : { ok: false, error };

/** Several fields refused at once (a form checked as a whole): the first, and `also` the rest. */
export function refuseAll(errors: Record<string, string>): Refusal {
  const [[field, error], ...rest] = Object.entries(errors) as [[string, string], ...[string, string][]];
  return rest.length ? { ...refuse(error, field), also: Object.fromEntries(rest) } : refuse(error, field);
}

/** A write's answer: done (with what the caller needs), refused, or null for not found. */
export type Result<T extends object = object> = ({ ok: true } & T) | Refusal;

/** A write refused by the unique index `constraint` (Drizzle wraps the driver's error in `cause`). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause =
    (error as { cause?: { code?: string; constraint_name?: string } })?.cause ??
    (error as { code?: string; constraint_name?: string });
  return cause?.code === "23505" && cause.constraint_name === constraint;
}
