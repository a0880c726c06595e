import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { consume } from "@/db/rate-limit";
import type { Refusal } from "@/db/result";
import { signInPath } from "@/lib/auth-guard";
import type { FormResult } from "@/lib/form-result";
import { rateLimitedKey, type LimitName } from "@/lib/rate-limits";
import { translatedFieldErrors, translateKeys } from "./form-errors";
import { currentUser, type SessionUser } from "./session";

// The one way to write a server action (docs/ARCHITECTURE.md, "Actions"). Every exported action
// is made by `formAction` (a form with an answer, through useActionState) or `postAction` (a
// plain post or button: it redirects or returns nothing). Both check, in this order: the form is
// a form, each bound argument (what the page bound with `.bind`, which the browser sends back and
// may forge) against its schema, then the caller is signed in; `formAction` then validates the
// form and turns a refusal from db/ into the form's answer. eslint.config.mjs refuses an action
// file that exports anything else.

type Schemas = readonly z.ZodType[];
type Out<B extends Schemas> = { -readonly [K in keyof B]: z.output<B[K]> };
type In<B extends Schemas> = { -readonly [K in keyof B]: z.input<B[K]> };
type Who = "user" | "anyone";
type UserOf<W extends Who> = W extends "anyone" ? SessionUser | null : SessionUser;

type Common<B extends Schemas, W extends Who> = {
  /** Schemas of the bound arguments, in order: a forged one is not found, never a 500. */
  bound: B;
  /** The page to come back to after signing in (built from the checked bound arguments). */
  signIn: (...bound: Out<B>) => string;
  /** "anyone": signed out is fine (the user is then null). */
  who?: W;
};
type Ctx<B extends Schemas, W extends Who> = { user: UserOf<W>; bound: Out<B>; form: FormData };

/**
 * The form React hands an action, as the action should read it: a forged call may send none, or a
 * string, which is simply not found. A NUL byte, which no text column holds and no browser sends,
 * is dropped from every name and value rather than failing in the database.
 */
export function formArg(value: unknown): FormData {
  if (!(value instanceof FormData)) notFound();
  const form = new FormData();
  for (const [name, field] of value.entries())
    form.append(name.replaceAll("\0", ""), typeof field === "string" ? field.replaceAll("\0", "") : field);
  return form;
}

function boundArgs<B extends Schemas>(schemas: B, values: readonly unknown[]): Out<B> {
  return schemas.map((schema, i) => {
    const parsed = schema.safeParse(values[i]);
    if (!parsed.success) notFound();
    return parsed.data;
  }) as Out<B>;
}

async function context<B extends Schemas, W extends Who>(
  spec: Common<B, W>,
  args: readonly unknown[],
  form: FormData,
): Promise<Ctx<B, W>> {
  const bound = boundArgs(spec.bound, args);
  const user = await currentUser();
  if (!user && spec.who !== "anyone") redirect(signInPath(spec.signIn(...bound)));
  return { user: user as UserOf<W>, bound, form };
}

type FormSpec<B extends Schemas, W extends Who, S extends z.ZodType, T extends object, K extends object> = Common<
  B,
  W
> & {
  /** The form's schema (a function when it depends on the moment, like the car's year range); none: no fields. */
  schema?: S | (() => S);
  /** The schema's input from the form; by default each of `fields` as text. */
  input?: (form: FormData) => Record<string, unknown>;
  fields?: readonly string[];
  /** What goes back into the fields when the form is refused; by default the input's text. */
  echo?: (input: Record<string, unknown>, form: FormData) => Record<string, string>;
  /** A rate limit per signed-in person, counted once the form is valid. */
  limit?: LimitName;
  /** More of the form's state that every refusal carries back (the event form's number of rows). */
  keep?: (form: FormData) => K;
  /** An answer given before validating, for a button that only reshapes the form ("Add session"). */
  shortcut?: (form: FormData) => (FormResult<T> & Partial<K>) | null;
};

const noFields = z.object({});

const textOf = (input: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : ""]),
  );

/** A form action for useActionState: `(...bound, previous answer, form) => answer`. */
export function formAction<
  const B extends Schemas,
  S extends z.ZodType = typeof noFields,
  T extends object = object,
  W extends Who = "user",
  K extends object = object,
>(
  spec: FormSpec<B, W, S, T, K>,
  run: (ctx: Ctx<B, W>, data: z.output<S>) => Promise<FormResult<NoInfer<T>> | Refusal>,
): (...args: [...In<B>, FormResult<T> & Partial<K>, FormData]) => Promise<FormResult<T> & Partial<K>> {
  return async (...args) => {
    const form = formArg(args[spec.bound.length + 1]);
    const ctx = await context(spec, args, form);
    const early = spec.shortcut?.(form);
    if (early) return early;
    const kept = spec.keep?.(form);
    const input = spec.input
      ? spec.input(form)
      : Object.fromEntries(
          (spec.fields ?? []).map((f) => [f, typeof form.get(f) === "string" ? form.get(f) : undefined]),
        );
    const values = (spec.echo ?? textOf)(input, form);
    const schema = (typeof spec.schema === "function" ? spec.schema() : (spec.schema ?? noFields)) as z.ZodType<
      z.output<S>
    >;
    const parsed = schema.safeParse(input);
    if (!parsed.success)
      return { ok: false, ...kept, values, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
    if (spec.limit && ctx.user) {
      const limited = await overLimit(spec.limit, ctx.user.id);
      if (limited) return { ...limited, ...kept, values };
    }
    const result = await run(ctx, parsed.data);
    return "error" in result && result.ok === false
      ? { ...(await refusalAnswer(result)), ...kept, values }
      : (result as FormResult<T>);
  };
}

/**
 * A refusal from db/ as the form shows it: beside its field, or above the form when it names
 * none (or "form"). The one mapping of db/result.ts's shape, so no action writes its own.
 */
export async function refusalAnswer(
  refusal: Refusal,
): Promise<{ ok: false; formError?: string; fieldErrors: Record<string, string> }> {
  const errors = await translateKeys({ ...refusal.also, [refusal.field ?? "form"]: refusal.error });
  return { ok: false, formError: errors.form, fieldErrors: errors };
}

/**
 * A refusal carried back to `page` in its address, for a plain post (it works without JavaScript):
 * `?error=` and the key's last part ("invitation.otherEmail" → "otherEmail"), which the page names.
 */
export const pageWithRefusal = (page: string, refusal: Refusal): string =>
  `${page}?error=${refusal.error.split(".").pop()}`;

/**
 * A plain post or button (`<form action={x.bind(null, slug)}>`): `(...bound, ...args, form?)`.
 * `args` are what a client calls it with beyond the bound ones (a dragged order), checked alike.
 */
export function postAction<const B extends Schemas, const A extends Schemas = [], R = void, W extends Who = "user">(
  spec: Common<B, W> & { args?: A },
  run: (ctx: Ctx<B, W> & { args: Out<A> }) => Promise<R>,
): (...args: [...In<B>, ...In<A>, FormData?]) => Promise<R> {
  return async (...all: unknown[]) => {
    const extra = spec.args ?? ([] as unknown as A);
    const last = all[spec.bound.length + extra.length];
    const form = last === undefined ? new FormData() : formArg(last);
    const ctx = await context(spec, all, form);
    return run({ ...ctx, args: boundArgs(extra, all.slice(spec.bound.length)) });
  };
}

/** Counts one attempt against a rate limit; over it, the form's refusal ("Try again in …"), else null. */
export async function overLimit(name: LimitName, key: string): Promise<{ ok: false; formError: string } | null> {
  const limited = await consume(name, key);
  if (limited.ok) return null;
  return { ok: false, formError: (await translateKeys({ form: rateLimitedKey(limited.retryAfter) })).form! };
}
