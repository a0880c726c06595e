import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorKeys, fieldName } from "./form-result";

describe("fieldErrorKeys", () => {
  it("keeps the first message per field", () => {
    expect(
      fieldErrorKeys([
        { path: ["email"], message: "errors.emailRequired" },
        { path: ["email"], message: "errors.emailInvalid" },
        { path: ["year", 0], message: "errors.yearInvalid" },
        { path: [], message: "errors.formInvalid" },
      ]),
    ).toEqual({ email: "errors.emailRequired", year: "errors.yearInvalid", form: "errors.formInvalid" });
  });

  it("maps real zod issues to their catalogue keys", () => {
    const schema = z.object({
      plate: z.string().min(1, "errors.plateRequired").max(3, "errors.plateTooLong"),
      year: z.number({ error: "errors.yearInvalid" }),
    });
    const result = schema.safeParse({ plate: "", year: "2011" });
    expect(result.success).toBe(false);
    expect(fieldErrorKeys(result.error!.issues)).toEqual({ plate: "errors.plateRequired", year: "errors.yearInvalid" });
  });

  it("has one key per field named by an issue, holding that field's first message", () => {
    const issue = fc.record({
      path: fc.array(fc.constantFrom("email", "vin", "plate", 0), { maxLength: 2 }),
      message: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(issue, { maxLength: 12 }), (issues) => {
        const errors = fieldErrorKeys(issues);
        const fieldOf = (path: PropertyKey[]) => fieldName(path);
        expect(Object.keys(errors).sort()).toEqual([...new Set(issues.map((i) => fieldOf(i.path)))].sort());
        for (const [field, message] of Object.entries(errors)) {
          expect(message).toBe(issues.find((i) => fieldOf(i.path) === field)!.message);
        }
      }),
    );
  });
});

describe("fieldName", () => {
  it.each([
    [["sessions", 0, "name"], "sessions.0.name"],
    [["eligibleModels", 2], "eligibleModels"],
    [["year", 0], "year"],
    [["email"], "email"],
    [[], "form"],
  ] as [PropertyKey[], string][])("%j → %s", (path, name) => {
    expect(fieldName(path)).toBe(name);
  });
});
