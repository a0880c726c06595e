import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseStatement } from "@/lib/payments/statement";
import { matchStatement } from "@/lib/payments/statement/match";
import { DEMO_PAID, demoFee, demoReference } from "./fees";
import { demoOwners } from "./people";
import { SAMPLE_CAMT_PATH, SAMPLE_CSV_PATH, sampleStatements } from "./sample-statements";

// The sample statements in the repository are what the generator writes (run
// `npx tsx scripts/sample-statements.ts` after changing it), and they pay the demo's unpaid owners.

const open = demoOwners(92)
  .map((o, i) => ({ plaque: i + 1, o }))
  .filter(({ plaque }) => plaque > DEMO_PAID)
  .map(({ plaque, o }) => ({
    registrationId: `plaque-${plaque}`,
    reference: demoReference(plaque),
    dueCents: demoFee(plaque),
    names: [o.fullName],
  }));

describe("the demo's sample bank statements", () => {
  it("are in the repository as generated", () => {
    const { camt, csv } = sampleStatements();
    expect(readFileSync(SAMPLE_CAMT_PATH, "utf8")).toBe(camt);
    expect(readFileSync(SAMPLE_CSV_PATH, "utf8")).toBe(csv);
  });

  it("pay some of owner081–owner092: by reference, by amount and name despite a typo, and one in part", () => {
    const camt = matchStatement(parseStatement("camt.xml", readFileSync(SAMPLE_CAMT_PATH, "utf8")), open);
    expect(camt.map((m) => (m.status === "matched" ? [m.registrationId, m.by, m.fit] : [m.status]))).toEqual([
      ["plaque-81", "reference", "exact"],
      ["plaque-82", "reference", "exact"],
      ["plaque-83", "amount-name", "exact"],
      ["plaque-84", "reference", "partial"],
      ["plaque-85", "reference", "exact"],
      ["unmatched"],
      ["unmatched"],
    ]);
    const csv = matchStatement(parseStatement("statement.csv", readFileSync(SAMPLE_CSV_PATH, "utf8")), open);
    expect(csv.map((m) => (m.status === "matched" ? m.registrationId : m.status))).toEqual([
      "plaque-86",
      "plaque-87",
      "unmatched",
    ]);
  });
});
