import fc from "fast-check";

// What an attacker types into a field or puts in an argument: long, invisible, injected,
// ill-formed, or simply of the wrong type.

export const HOSTILE_STRINGS: readonly string[] = [
  "", " ", "\u0000", "a\u0000b", "\u202Eevil.exe\u202C", "\u200F\u200E\u200B", "\uFEFF", "\uD800", "\uFFFF", "🏎️💨", "Z̷̢̛a̸l̵g̷o̴", "ǅǈǋ", "İı",
  "' OR '1'='1", "'; drop table users; --", "\") or 1=1 --", "1; select pg_sleep(5)", "$$; $1 $2", "\\", "%", "_", "\\x00",
  "=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example")', "+SUM(1,1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
  "<script>alert(1)</script>", "javascript:alert(1)", "https://evil.example/x", "//evil.example", "/\\evil.example", "/\t/evil.example",
  "../../../../etc/passwd", "%00", "%2e%2e%2f", "\r\nSet-Cookie: x=1", "a\nb\r\nc",
  "$ACTION_ID_00", "$@1", "$1", "$Q1", "$K1", "$undefined", "$n1", "__proto__", "constructor", "prototype", "toString",
  "NaN", "Infinity", "-0", "1e309", "-1", "0", "2147483648", "9".repeat(400), "0x10", "١٢٣", "１２３", "1.5", " 1 ",
  "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "6F9619FF-8B86-D011-B42D-00C04FC964FF", "6f9619ff8b86d011b42d00c04fc964ff",
  "0000-00-00", "9999-12-31", "2024-02-30", "2024-13-01T25:61", "1970-01-01T00:00:00Z", "on", "true", "null", "undefined", "[]", "{}",
  "a".repeat(10_240), "é".repeat(5_120), "\u0000".repeat(1_000), "\u202E".repeat(2_000),
];

/** A hostile string: one of the list, random code units (lone surrogates too), or a long run of one character. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 2 }), fc.integer({ min: 1_000, max: 12_000 })).map(([c, n]) => c.repeat(n)) },
);

/** A value of the wrong type where a form, an id or a state belongs. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -1, NaN, Infinity, 1e21, "", [], {}, [[]], { ok: false }, { id: null }),
  hostileString,
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  // Plain objects only: React's encoder refuses class instances, as a browser would never send them.
  fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
