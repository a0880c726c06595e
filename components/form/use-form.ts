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

/**
 * useActionState for a form whose action returns a FormResult. The form's `action` is the server
 * action itself, so the form works before JavaScript loads. After a failure: `fieldErrors` (one
 * message per field name), `formError`, and `values`, what was submitted; before one, `values` is
 * `initialValues` (or empty).
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
  return { state, action, pending, failed, fieldErrors, values, formError: failed?.formError };
}
