import fc from "fast-check";
import { ACTORS, type Actor } from "./actors";
import { formFields, jsonSchemaOf, valueOf, type Field } from "./arbitraries";
import type { ActionTarget } from "./fuzz-actions";
import { hostileString, wrongType } from "./hostile";
import { callAction, postForm, type Answer, type Envelope } from "./http";
import { PREV } from "./matrix-actions";
import { REFS, resolve } from "./refs";
import { tokenOf, type Scene } from "./scene";

// One generated call of a server action, described as a change to the call its page makes (so a
// shrunk counterexample reads as "the organiser's call, with sessionIds = NUL"), and how to send it.

export const KEEP = "(as the page sends it)";
type Form =
  | { kind: "mutated"; set: Field[]; drop: string[] }
  | { kind: "fresh"; fields: Field[] }
  | { kind: "wrong"; value: unknown };
export type ActionInput = {
  actor: Actor;
  via: "fetch" | "no-js form";
  replay: boolean;
  bound: unknown[];
  prev: unknown;
  form: Form;
  /** Arguments cut off the end (a call with too few) or added after it. */
  cut: number;
  extra: unknown[];
  /** A no-JS form's bound-action fields as React writes them, or written by hand (proxy.ts refuses what React's decoder cannot read). */
  envelope: typeof KEEP | Envelope;
};

// A hand-made envelope: hostile text, any JSON, or arguments with "$…" marks React never writes unescaped.
const envelopeText = fc.oneof(
  hostileString,
  fc.json({ maxDepth: 2 }),
  fc
    .array(fc.oneof(hostileString, fc.constantFrom("$Q1", "$@9", "$", "$nx", "$K1", "$D")), { maxLength: 3 })
    .map((a) => JSON.stringify(a)),
);

/** The arbitrary of one target's inputs; `who` are the callers the action is meant for (most inputs come from them). */
export function actionInput(target: ActionTarget, who: readonly Actor[]): fc.Arbitrary<ActionInput> {
  const bound = target.bound.map((schema) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(KEEP) },
      { weight: 1, arbitrary: fc.constantFrom(...REFS) },
      { weight: 1, arbitrary: valueOf(jsonSchemaOf(schema)) },
      { weight: 1, arbitrary: hostileString },
      { weight: 1, arbitrary: wrongType },
    ),
  );
  const names = Object.keys(target.fields);
  const form: fc.Arbitrary<Form> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant("mutated" as const),
        set: formFields(target.fields, REFS).chain((fs) => fc.subarray(fs, { maxLength: Math.min(3, fs.length) })),
        drop: fc.subarray(names, { maxLength: Math.min(2, names.length) }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant("fresh" as const), fields: formFields(target.fields, REFS) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("wrong" as const), value: wrongType }) },
  );
  return fc.record({
    actor: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(who.length ? who : ACTORS)) },
      { weight: 1, arbitrary: fc.constantFrom(...ACTORS) },
    ),
    via: fc.oneof(
      { weight: 6, arbitrary: fc.constant("fetch" as const) },
      { weight: 1, arbitrary: fc.constant("no-js form" as const) },
    ),
    replay: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    bound: fc.tuple(...bound),
    prev: fc.oneof({ weight: 8, arbitrary: fc.constant(KEEP) }, { weight: 1, arbitrary: wrongType }),
    form,
    cut: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
    extra: fc.oneof(
      { weight: 12, arbitrary: fc.constant<unknown[]>([]) },
      { weight: 1, arbitrary: fc.array(wrongType, { minLength: 1, maxLength: 2 }) },
    ),
    envelope: fc.oneof(
      { weight: 3, arbitrary: fc.constant<typeof KEEP>(KEEP) },
      { weight: 1, arbitrary: fc.record({ meta: envelopeText, args: envelopeText }, { requiredKeys: [] }) },
    ),
  });
}

const toEntry = ([name, value]: Field): [string, string | Blob] => [
  name,
  typeof value === "string" ? value : new Blob([value.blob], { type: "application/octet-stream" }),
];

function formOf(valid: FormData | undefined, f: Form): unknown {
  if (f.kind === "wrong") return f.value;
  const out = new FormData();
  const set = f.kind === "fresh" ? f.fields : f.set;
  const replaced = new Set([...set.map(([n]) => n), ...(f.kind === "mutated" ? f.drop : [])]);
  if (f.kind === "mutated" && valid) for (const [k, v] of valid.entries()) if (!replaced.has(k)) out.append(k, v);
  for (const field of set) out.append(...toEntry(field));
  return out;
}

export type Call = {
  via: ActionInput["via"];
  bound: unknown[];
  args: unknown[];
  fields: [string, string | Blob][];
  envelope?: Envelope;
};

/** The call `input` describes, made from `valid` (the page's own arguments for this scene). */
export function buildCall(input: ActionInput, valid: unknown[], s: Scene): Call {
  const formAt = valid.findIndex((v) => v instanceof FormData);
  const prevAt = valid.indexOf(PREV);
  const leading = Math.min(...[formAt, prevAt, valid.length].filter((i) => i >= 0));
  const bound = valid.slice(0, leading).map((v, i) => (input.bound[i] === KEEP ? v : resolve(input.bound[i], s)));
  const prev = prevAt >= 0 ? [input.prev === KEEP ? PREV : resolve(input.prev, s)] : [];
  const form = formAt >= 0 ? resolve(formOf(valid[formAt] as FormData, input.form), s) : undefined;
  const args = [...bound, ...prev, ...(formAt >= 0 ? [form] : [])];
  const fields = form instanceof FormData ? [...form.entries()] : [];
  return {
    via: input.via,
    bound: [...bound, ...prev],
    args: [...args.slice(0, args.length - input.cut), ...resolve(input.extra, s)],
    fields,
    envelope: input.envelope === KEEP ? undefined : input.envelope,
  };
}

export async function sendCall(id: string, call: Call, actor: Actor, s: Scene, page: string): Promise<Answer> {
  const token = tokenOf(s, actor);
  if (call.via === "no-js form") return postForm(id, call.bound, call.fields, token, page, call.envelope);
  const answer = await callAction(id, call.args, token);
  // A 200 the browser's router cannot read: Next answers "{}" when it fails to render the page an
  // action redirected to (an address too long for its own request, for one).
  if (answer.status === 200 && !answer.contentType.includes("text/x-component")) {
    return { ...answer, status: 0, body: `(an action answered ${answer.contentType}: ${answer.body.slice(0, 100)})` };
  }
  return answer;
}
