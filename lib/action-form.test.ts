import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUnreadableActionForm } from "./action-form";

const require = createRequire(import.meta.url);
// React's own encoder, as the server-rendered page writes a bound action's hidden fields.
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.edge.js") as {
  encodeReply: (value: unknown[]) => Promise<string | FormData>;
};

const ID = "7f00000000000000000000000000000000000000aa";
type Fields = [string, string][];

/** A bound action's envelope: its id and reference to the arguments, and the arguments' field. */
const withArgs = (args: string, bound: unknown = "$@1", id: unknown = ID): Fields => [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", JSON.stringify({ id, bound })],
  ["$ACTION_1:1", args],
];

/** The fields of a form posting action ID bound to `args`, as React writes them. */
async function envelope(args: unknown[]): Promise<Fields> {
  const encoded = await encodeReply(args);
  if (typeof encoded !== "string") throw new Error("a plain value was encoded as FormData");
  return [...withArgs(encoded), ["email", "a@example.com"]];
}

// React's decoder as Next runs it, in a process of its own (it needs the react-server condition):
// for each form, whether decodeAction failed for any reason other than the action's own.
const DECODER = `
const { decodeAction } = require("next/dist/compiled/react-server-dom-turbopack/server.node.js");
globalThis.__next_require__ = () => ({ act: () => undefined });
const manifest = { ${JSON.stringify(ID)}: { id: "m", name: "act", chunks: [] } };
let input = "";
process.stdin.on("data", (d) => (input += d)).on("end", async () => {
  const out = [];
  for (const fields of JSON.parse(input)) {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    try { await decodeAction(form, manifest); out.push(false); } catch { out.push(true); }
  }
  process.stdout.write(JSON.stringify(out));
});`;

function reactFails(forms: Fields[]): boolean[] {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "-e", DECODER], {
    input: JSON.stringify(forms),
    encoding: "utf8",
    cwd: process.cwd(),
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as boolean[];
}

// Each of these was a 500 from the running app (curl against a production build).
const FORGED: Fields[] = [
  withArgs("nojson"),
  withArgs('["$Q5"]'),
  withArgs('"$"'),
  withArgs("null"),
  withArgs('["x"]', "$Q9"),
  withArgs('["x"]', "$@7"),
];

// A form's value: anything JSON holds, with strings React must escape and values it marks.
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.string(),
    fc.constantFrom("$", "$$", "$@1", "$Q1", "$K", "$undefined", "$1:a"),
    fc.stringMatching(/^\$[A-Za-z@$-]?.{0,6}$/),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("v"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).v;

describe("isUnreadableActionForm: a bound action's envelope", () => {
  it("passes what React writes for any plain value an action is bound to, and React reads it", async () => {
    const forms = await Promise.all(fc.sample(fc.array(value, { maxLength: 4 }), 300).map(envelope));
    expect(forms.filter((f) => isUnreadableActionForm(f))).toEqual([]);
    expect(reactFails(forms).filter(Boolean)).toEqual([]);
  });

  it("refuses the envelopes React's decoder failed on", () => {
    expect(reactFails(FORGED)).toEqual(FORGED.map(() => true));
    for (const form of FORGED) expect(isUnreadableActionForm(form), JSON.stringify(form)).toBe(true);
  });

  it("leaves a form without a bound action to Next", () => {
    expect(isUnreadableActionForm([[`$ACTION_ID_${ID}`, ""]])).toBe(false);
    expect(isUnreadableActionForm([["email", "$Q5"]])).toBe(false);
  });

  it("refuses every hand-made envelope React's decoder fails on (differential)", () => {
    const field = fc.oneof(
      fc.string(),
      fc.json(),
      value.map((v) => JSON.stringify([v]) ?? "[]"),
      fc.constantFrom('["$@1"]', '["$1"]', '{"a":"$Q0"}', "[]", "1", '"x"', '["$n12"]', '["$nx"]'),
    );
    const bound = fc.oneof(fc.constantFrom("$@1", "$@2", "$@0", "$@a", null, "$Q1", 1), fc.string());
    const forms = fc.sample(
      fc
        .record({ bound, args: field, second: field, id: fc.constantFrom(ID, 5, null) })
        .map(({ bound, args, second, id }): Fields => [...withArgs(args, bound, id), ["$ACTION_1:2", second]]),
      400,
    );
    const failed = reactFails(forms);
    const missed = forms.filter((form, i) => failed[i] && !isUnreadableActionForm(form));
    expect(missed).toEqual([]);
  });
});

// Next's multipart parser (busboy), as its action handler runs it: whether it fails on the body a
// FormData with these fields is sent as.
const busboy = require("next/dist/compiled/busboy") as (opts: {
  headers: Record<string, string>;
}) => NodeJS.WritableStream & {
  on(event: string, listener: (...a: unknown[]) => void): unknown;
};

/** The body a FormData of these fields is sent as, and the form the proxy parses back from it. */
async function sent(fields: [string, string | File][]) {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  const request = new Request("http://x/", { method: "POST", body: form });
  const body = Buffer.from(await request.arrayBuffer());
  const type = request.headers.get("content-type")!;
  const parsed = await new Request("http://x/", { method: "POST", body, headers: { "content-type": type } }).formData();
  return { body, type, parsed };
}

function busboyFails({ body, type }: { body: Buffer; type: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const parser = busboy({ headers: { "content-type": type } });
    parser.on("file", (_name, stream) => (stream as NodeJS.ReadableStream).resume());
    parser.on("error", () => resolve(true));
    parser.on("close", () => resolve(false));
    parser.end(body);
  });
}

describe("isUnreadableActionForm: part headers", () => {
  const name = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.constantFrom("a\u0000b", "\t", "a\u007f", "é", "x".repeat(20_000), "é".repeat(6_000), "x".repeat(3_000)),
  );

  it("refuses every field and file name busboy fails on, and passes those it reads (differential)", async () => {
    const forms = fc.sample(
      fc
        .tuple(name, fc.boolean())
        .map(([n, file]): [string, string | File][] => [
          ["email", "a@example.com"],
          file ? ["statement", new File(["x"], n)] : [n, "1"],
        ]),
      300,
    );
    const mismatched = [];
    let failures = 0;
    for (const form of forms) {
      const body = await sent(form);
      const fails = await busboyFails(body);
      if (fails) failures++;
      const refused = isUnreadableActionForm(body.parsed);
      // Refusing a name busboy reads is allowed only for names no form of ours has (over 4,000 bytes).
      const long = [...body.parsed].some(([k, v]) => Buffer.byteLength(v instanceof File ? v.name : k) > 4_000);
      if (fails ? !refused : refused && !long)
        mismatched.push({
          fails,
          names: form.map(([k, v]) => JSON.stringify(v instanceof File ? v.name : k).slice(0, 40)),
        });
    }
    expect(mismatched).toEqual([]);
    expect(failures).toBeGreaterThan(10);
  });

  it("passes the names of our forms", () => {
    const form: [string, string][] = [
      ["$ACTION_ID_7f00", ""],
      ["sessionIds", "a"],
      ["answers.q1", "Yes"],
    ];
    expect(isUnreadableActionForm(form)).toBe(false);
  });
});
