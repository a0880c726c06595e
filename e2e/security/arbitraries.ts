import fc from "fast-check";
import { z } from "zod";
import { hostileString } from "./hostile";

// fast-check arbitraries derived from the app's zod schemas (through zod 4's JSON Schema), mixed
// with hostile values and with real ids of the scene. Ids appear as «name» placeholders, resolved
// against the scene when the input is sent, so a shrunk counterexample prints readably.

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
};

/** The JSON Schema of what `schema` accepts as input (transforms and refinements are invisible to it). */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

const SAFE_INT = 1_000_000_000;
const clamp = (n: number | undefined, fallback: number) =>
  n === undefined || !Number.isFinite(n) ? fallback : Math.max(-SAFE_INT, Math.min(SAFE_INT, n));

/** A value `s` describes (the happy side: what a well-behaved client would send). */
export function valueOf(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      if (s.format === "uuid") return fc.uuid();
      if (s.format === "email") return fc.emailAddress();
      if (s.format === "date-time")
        return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString());
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 200) });
    case "integer":
      return fc.integer({ min: clamp(s.minimum, -1000), max: clamp(s.maximum, 1000) });
    case "number":
      return fc.double({ min: clamp(s.minimum, -1000), max: clamp(s.maximum, 1000), noNaN: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(valueOf(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) });
    case "object": {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, valueOf(v)]));
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** One form field's value: mostly what the schema wants, else a scene id or something hostile. */
export function fieldValue(s: JsonSchema, refs: readonly string[]): fc.Arbitrary<string> {
  const happy = valueOf(s).map((v) =>
    typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v),
  );
  return fc.oneof(
    { weight: 5, arbitrary: happy },
    { weight: 2, arbitrary: fc.constantFrom(...refs) },
    { weight: 3, arbitrary: hostileString },
  );
}

export type Field = [name: string, value: string | { blob: string }];

/** A field name nobody asked for: control characters and 20 kB names included. */
const fieldName = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom("a\u0000b", "a\u0001b", "\u0014", "a\u007fb", "x".repeat(20_000)) },
);

/**
 * A form's fields from a schema's properties: each present or missing, arrays as repeated
 * fields, now and then a file where text belongs, and a few fields nobody asked for.
 */
export function formFields(props: Record<string, JsonSchema>, refs: readonly string[]): fc.Arbitrary<Field[]> {
  const one = ([name, s]: [string, JsonSchema]): fc.Arbitrary<Field[]> => {
    const values =
      s.type === "array"
        ? fc.array(fieldValue(s.items ?? {}, refs), { maxLength: 4 })
        : fieldValue(s, refs).map((v) => [v]);
    const asText = values.map((vs) => vs.map((v): Field => [name, v]));
    const asFile = hostileString.map((v): Field[] => [[name, { blob: v }]]);
    return fc.oneof(
      { weight: 8, arbitrary: asText },
      { weight: 1, arbitrary: fc.constant<Field[]>([]) },
      { weight: 1, arbitrary: asFile },
    );
  };
  const extra = fc.array(
    fc.tuple(fc.oneof(fieldName, fc.constantFrom(...Object.keys(props), "$ACTION_ID_0", "returnTo")), hostileString),
    { maxLength: 2 },
  );
  return fc.tuple(...Object.entries(props).map(one), extra).map((parts) => parts.flat() as Field[]);
}
