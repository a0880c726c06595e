// Next reads any multipart POST as a server action, and fails with a 500 (or an action that
// "threw") on two things in a form before any code of ours runs; no page of ours sends either, so
// the proxy answers them as a bad request (`isUnreadableActionForm`):
// - A part header its multipart parser (busboy) refuses: a field or file name holding a control
//   character other than a tab, CR or LF (which a sender escapes, as it does '"'), or longer than
//   its 16 kB of part headers.
// - A bound action's envelope its decoder cannot read. A form posted before JavaScript names its
//   action in hidden fields React wrote: `$ACTION_ID_{id}`, or, for an action with bound
//   arguments (`action.bind(null, slug)`, the state of `useActionState`), `$ACTION_REF_{n}` with
//   `$ACTION_{n}:0` = {"id", "bound": "$@k"} and the arguments in `$ACTION_{n}:k`, encoded by
//   React's reply encoder. A hand-made one (not JSON, a reference to a field that is not there, a
//   Map or a chunk no form of ours sends) fails to decode.

/** A form's fields as the proxy reads them: each name with its text or file. */
export type FormFields = Iterable<[string, unknown]>;

const REF = "$ACTION_REF_";

/**
 * The strings React's reply encoder writes for the values our actions are bound to (strings,
 * numbers, booleans, null, plain objects and arrays, and the odd undefined, Date or BigInt):
 * "$$…" (a string that began with "$"), "$undefined", "$Infinity", "$-Infinity", "$-0", "$NaN",
 * "$D…" (a Date) and "$n…" (a BigInt). Every other "$…" refers to another field or to a type
 * (Map, Set, FormData, a typed array, an iterator, a promise) no form of ours sends.
 */
const PLAIN_MARK = /^\$(?:\$|undefined$|Infinity$|-Infinity$|-0$|NaN$|D|n-?\d{1,300}$)/;

function isPlainValue(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_MARK.test(value);
  if (value === null || typeof value !== "object") return true;
  return Object.values(value).every((v) => isPlainValue(v, depth + 1));
}

function parsed(text: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof text !== "string") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Whether the envelope `$ACTION_REF_{n}` names is one React's decoder reads without failing. */
function isReadableEnvelope(fields: Map<string, unknown>, ref: string): boolean {
  const prefix = `$ACTION_${ref}:`;
  const meta = parsed(fields.get(`${prefix}0`));
  if (!meta.ok || meta.value === null || typeof meta.value !== "object" || Array.isArray(meta.value)) return false;
  const { id, bound } = meta.value as { id?: unknown; bound?: unknown };
  if (typeof id !== "string") return false;
  if (bound === null || bound === undefined) return true;
  // "$@k": the arguments are field k (hexadecimal in the reference, decimal in the name); 0 is
  // the envelope itself.
  const chunk = typeof bound === "string" ? /^\$@([0-9a-f]{1,8})$/.exec(bound) : null;
  const k = chunk ? parseInt(chunk[1]!, 16) : 0;
  if (k === 0) return false;
  const args = parsed(fields.get(`${prefix}${k}`));
  // React binds them with `fn.bind(null, ...args)` after checking `args.length` (at most 1,000).
  return args.ok && Array.isArray(args.value) && args.value.length <= 1000 && isPlainValue(args.value);
}

// Control characters busboy refuses in a header value. A tab it takes; CR and LF a sender escapes
// (%0D, %0A), which is how it reads them, while the proxy's parser gives them back unescaped.
// And a bound on a name well inside its 16 kB of part headers (no form of ours has a name of more
// than a few dozen bytes).
const REFUSED_IN_HEADER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MAX_NAME_BYTES = 4_000;

const isUnreadableName = (name: string) => REFUSED_IN_HEADER.test(name) || Buffer.byteLength(name) > MAX_NAME_BYTES;

/** Whether Next would fail on this multipart form before any code of ours runs (see above). */
export function isUnreadableActionForm(form: FormFields): boolean {
  const fields = new Map<string, unknown>();
  const refs: string[] = [];
  for (const [name, value] of form) {
    if (isUnreadableName(name) || (value instanceof File && isUnreadableName(value.name))) return true;
    // React reads a field's first value (FormData.get); later ones of the same name are ignored.
    if (!fields.has(name)) fields.set(name, value);
    if (name.startsWith(REF)) refs.push(name.slice(REF.length));
  }
  // A form without an envelope (no `$ACTION_REF_` field) is left to Next, which answers it itself.
  return refs.some((ref) => !isReadableEnvelope(fields, ref));
}
