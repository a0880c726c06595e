export type FieldErrors = Record<string, string>;

/** The one result type every form action returns. */
export type FormResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export const initialFormResult: FormResult = { ok: false };

type IssueLike = { path: PropertyKey[]; message: string };

/**
 * The form field an issue belongs to: nested fields keep their whole path, as the form names
 * them (sessions.0.name); an index at the end (one of several ticked boxes) names its list.
 */
export function fieldName(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  while (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1]!)) parts.pop();
  return parts.length ? parts.join(".") : "form";
}

/**
 * Maps zod issues to one message key per field (the first wins). Schemas carry catalogue keys as
 * their messages, so the caller translates them in the user's language.
 */
export function fieldErrorKeys(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldName(issue.path);
    errors[field] ??= issue.message;
  }
  return errors;
}
