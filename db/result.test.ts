import { describe, expect, it } from "vitest";
import { refuse, refuseAll } from "./result";

describe("refusals", () => {
  it("name their field only when there is one", () => {
    expect(refuse("errors.carNotFound")).toEqual({ ok: false, error: "errors.carNotFound" });
    expect(refuse("errors.vinTaken", "vin")).toEqual({ ok: false, field: "vin", error: "errors.vinTaken" });
  });

  it("keep every field a whole-form check refused, the first as the refusal", () => {
    expect(refuseAll({ slug: "errors.slugTaken" })).toEqual({ ok: false, field: "slug", error: "errors.slugTaken" });
    expect(refuseAll({ "sessions.0.capacity": "a", "sessions.1.capacity": "b" })).toEqual({
      ok: false,
      field: "sessions.0.capacity",
      error: "a",
      also: { "sessions.1.capacity": "b" },
    });
  });
});
