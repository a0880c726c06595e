import { useActionState } from "react";
import { initialFormResult, type FieldErrors, type FormResult } from "@/lib/form-result";

/**
 * A form's server action as a client form receives it. An action that needs an argument besides
 * the form (a car's id, an event's slug) arrives already bound by the page, on the server: a
 * `.bind` inside a Client Component leaves a form posted without JavaScript pending forever
 * whenever the action returns a result instead of redirecting (vercel/next.js#98045).
 */
export type BoundFormAction<S extends FormResult = FormResult> = (prev: S, formData: FormData) => Promise<S>;

type Failure = Extract<FormResult, { ok: false }>;

/** What a field of a form needs from its last answer: its name, its error and the value to show again. */
export type FieldBinding = { name: string; error?: string; defaultValue: string };

/** Binds fields by name to one answer's errors and values: `<Field {...field("plate")} label=… />`. */
export function fieldBinder(errors: FieldErrors, values: Record<string, string>) {
  return (name: string): FieldBinding => ({ name, error: errors[name], defaultValue: values[name] ?? "" });
}

/**
 * useActionState for a form whose action returns a FormResult. The form's `action` is the server
 * action itself, so the form works before JavaScript loads. After a failure: `fieldErrors` (one
 * message per field name), `formError`, and `values`, what was submitted; before one, `values` is
 * `initialValues` (or empty). `field(name)` binds one field to them.
 */
export function useForm<S extends FormResult>(
  formAction: BoundFormAction<S>,
  options: { initialValues?: Record<string, string> } = {},
) {
  // A FormResult is a plain object, never a promise: Awaited<S> is S.
  const [awaited, action, pending] = useActionState<S, FormData>(
    formAction as (prev: Awaited<S>, formData: FormData) => Promise<S>,
    initialFormResult as Awaited<S>,
  );
  const state = awaited as S;
  const failed = state.ok ? undefined : (state as Extract<S, { ok: false }> & Failure);
  const fieldErrors: FieldErrors = failed?.fieldErrors ?? {};
  const values: Record<string, string> = failed?.values ?? options.initialValues ?? {};
  const field = fieldBinder(fieldErrors, values);
  return { state, action, pending, failed, fieldErrors, values, field, formError: failed?.formError };
}
