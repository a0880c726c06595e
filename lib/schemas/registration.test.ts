import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/i18n/messages";
import { carChangeSchema, formInput, registrationSchema, sessionChangeSchema } from "./registration";

const valid = () => ({
  eventId: randomUUID(),
  carId: randomUUID(),
  sessionIds: [randomUUID(), randomUUID()],
  secondDriverName: "",
  secondDriverEmail: "",
  acceptRules: "on",
  idempotencyKey: randomUUID(),
});

/** Every message per field, so a test can say "this error and no other". */
function errors(input: Record<string, unknown>): Record<string, string[]> {
  const result = registrationSchema.safeParse(input);
  expect(result.success).toBe(false);
  const out: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe("registrationSchema", () => {
  it("accepts the form and turns empty optional fields into null", () => {
    const input = valid();
    expect(registrationSchema.parse(input)).toEqual({
      ...input,
      secondDriverName: null,
      secondDriverEmail: null,
      answers: {},
    });
    const withDriver = registrationSchema.parse({
      ...input,
      secondDriverName: "  Co Driver ",
      secondDriverEmail: "co@example.test",
    });
    expect(withDriver).toMatchObject({ secondDriverName: "Co Driver", secondDriverEmail: "co@example.test" });
  });

  it.each([
    ["eventId", "not-a-uuid", "errors.registrationClosed"],
    ["eventId", undefined, "errors.registrationClosed"],
    ["carId", "12345", "errors.carRequired"],
    ["carId", undefined, "errors.carRequired"],
    ["idempotencyKey", "1' or '1'='1", "errors.formReplayed"],
    ["idempotencyKey", undefined, "errors.formReplayed"],
    // A missing hidden field must still give a catalogue key, not zod's English default (fails today).
  ])("refuses %s = %j with %s", (field, value, message) => {
    expect(errors({ ...valid(), [field]: value })).toEqual({ [field]: [message] });
  });

  it("refuses a malformed session id, no session and more than 60", () => {
    expect(errors({ ...valid(), sessionIds: [randomUUID(), `${randomUUID()}x`] })).toEqual({
      sessionIds: ["errors.sessionNotInEvent"],
    });
    expect(errors({ ...valid(), sessionIds: [] })).toEqual({ sessionIds: ["errors.sessionsNone"] });
    expect(errors({ ...valid(), sessionIds: Array.from({ length: 61 }, () => randomUUID()) })).toEqual({
      sessionIds: ["errors.sessionsTooMany"],
    });
  });

  it("refuses oversized and malformed second-driver fields", () => {
    expect(errors({ ...valid(), secondDriverName: "x".repeat(101) })).toEqual({
      secondDriverName: ["errors.tooLong?max=100"],
    });
    expect(registrationSchema.safeParse({ ...valid(), secondDriverName: "x".repeat(100) }).success).toBe(true);
    const long = `${"a".repeat(250)}@x.de`; // 255 characters
    expect(errors({ ...valid(), secondDriverName: "Co", secondDriverEmail: long })).toEqual({
      secondDriverEmail: ["errors.tooLong?max=254"],
    });
    expect(errors({ ...valid(), secondDriverName: "Co", secondDriverEmail: "not an address" })).toEqual({
      secondDriverEmail: ["errors.emailInvalid"],
    });
    expect(errors({ ...valid(), secondDriverEmail: "co@example.test" })).toEqual({
      secondDriverName: ["errors.secondDriverName"],
    });
  });

  it("asks for the rules to be accepted", () => {
    expect(errors({ ...valid(), acceptRules: undefined })).toEqual({ acceptRules: ["errors.acceptRules"] });
    expect(errors({ ...valid(), acceptRules: "yes" })).toEqual({ acceptRules: ["errors.acceptRules"] });
  });

  it("refuses any id that is not a uuid, for every id field", () => {
    const notUuid = fc
      .string({ maxLength: 40 })
      .filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));
    fc.assert(
      fc.property(notUuid, fc.constantFrom("eventId", "carId", "idempotencyKey", "sessionIds"), (bad, field) => {
        const value = field === "sessionIds" ? [bad] : bad;
        expect(registrationSchema.safeParse({ ...valid(), [field]: value }).success).toBe(false);
      }),
    );
  });

  it("uses only messages the catalogue has, in both languages", () => {
    const keys = [
      "errors.registrationClosed",
      "errors.carRequired",
      "errors.sessionNotInEvent",
      "errors.sessionsTooMany",
      "errors.sessionsNone",
      "errors.tooLong",
      "errors.tooShort",
      "errors.emailInvalid",
      "errors.acceptRules",
      "errors.formReplayed",
      "errors.secondDriverName",
    ];
    for (const locale of ["en", "de"] as const) {
      const messages = messagesFor(locale) as unknown as { errors: Record<string, string> };
      for (const key of keys) expect(messages.errors[key.slice("errors.".length)], `${locale} ${key}`).toBeTruthy();
    }
  });
});

describe("the change forms and formInput", () => {
  it("check session and car ids the same way", () => {
    expect(sessionChangeSchema.safeParse({ sessionIds: [randomUUID()] }).success).toBe(true);
    expect(sessionChangeSchema.safeParse({ sessionIds: ["x"] }).error?.issues[0]?.message).toBe(
      "errors.sessionNotInEvent",
    );
    expect(carChangeSchema.safeParse({ carId: undefined }).error?.issues[0]?.message).toBe("errors.carRequired");
    expect(carChangeSchema.safeParse({ carId: "../etc" }).error?.issues[0]?.message).toBe("errors.carRequired");
  });

  it("collects repeated session fields into an array and drops files", () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const entries: [string, unknown][] = [
      ["carId", "c"],
      ["sessionIds", a],
      ["upload", new Blob(["x"])],
      ["sessionIds", b],
    ];
    expect(formInput(entries)).toEqual({ sessionIds: [a, b], carId: "c" });
    expect(formInput([])).toEqual({ sessionIds: [] });
  });
});
