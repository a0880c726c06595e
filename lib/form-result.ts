export type FieldErrors = Record<string, string>;

/** The one result type every form action returns. */
export type FormResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export const initialFormResult: FormResult = { ok: false };

type IssueLike = { path: PropertyKey[]; message: string };

/**
 * Maps zod issues to one message key per field (the first wins). Schemas carry catalogue keys as
 * their messages, so the caller translates them in the user's language.
 */
export function fieldErrorKeys(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
