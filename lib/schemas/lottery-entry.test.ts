import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "@/lib/form-result";
import { entryChangeSchema, lotteryEntrySchema } from "./lottery-entry";

const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
const valid = {
  eventId: randomUUID(),
  carId: randomUUID(),
  choice1: a,
  choice2: "",
  choice3: b,
  acceptRules: "on",
  idempotencyKey: randomUUID(),
};
const errors = (input: Record<string, unknown>) => {
  const parsed = lotteryEntrySchema.safeParse(input);
  return parsed.success ? null : fieldErrorKeys(parsed.error.issues);
};

describe("lotteryEntrySchema", () => {
  it("reads the choices in rank order, skipping empty ones", () => {
    expect(lotteryEntrySchema.parse(valid).ranking).toEqual([a, b]);
    expect(lotteryEntrySchema.parse({ ...valid, choice1: "", choice4: c }).ranking).toEqual([b, c]);
  });

  it("refuses a session chosen twice beside its second field, and no choice beside the first", () => {
    expect(errors({ ...valid, choice3: a })).toEqual({ choice3: "lottery.errors.choiceTwice" });
    expect(errors({ ...valid, choice1: "", choice3: "" })).toEqual({ choice1: "lottery.errors.noChoice" });
  });

  it("refuses a malformed session id, a missing car, unaccepted rules and a missing form key", () => {
    expect(errors({ ...valid, choice2: "paddock" })).toMatchObject({ choice2: "errors.sessionNotInEvent" });
    expect(errors({ ...valid, carId: undefined })).toMatchObject({ carId: "errors.carRequired" });
    expect(errors({ ...valid, acceptRules: undefined })).toMatchObject({ acceptRules: "errors.acceptRules" });
    expect(errors({ ...valid, idempotencyKey: "x" })).toMatchObject({ idempotencyKey: "errors.formReplayed" });
  });

  it("a change of ranking needs at least one choice", () => {
    expect(entryChangeSchema.parse({ choice1: c, choice2: a }).ranking).toEqual([c, a]);
    expect(entryChangeSchema.safeParse({}).success).toBe(false);
  });
});
