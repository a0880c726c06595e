import { sampleCamt053, sampleStatementCsv, type SampleCredit } from "@/lib/payments/statement/sample";
import { DEMO_ACCOUNT, DEMO_ENTRY_CENTS, demoFee, demoReference } from "./fees";
import { demoOwners } from "./people";

// The sample bank statements in samples/statements/ (README, "The demo"): what the demo club's
// bank would export after some of the unpaid owners (owner081–owner092) transferred their fee.
// scripts/sample-statements.ts writes them; a test checks the files in the repository are these.

export const SAMPLE_CAMT_PATH = "samples/statements/1m-meet-camt053.xml";
export const SAMPLE_CSV_PATH = "samples/statements/1m-meet-statement.csv";

const owner = (plaque: number) => demoOwners(92)[plaque - 1]!;
const typo = (ref: string) => ref.slice(0, -1) + (ref.endsWith("Z") ? "Y" : "Z");

/** owner081 and owner085 pay as asked, owner082 types the reference spaced out, owner083 mistypes it, owner084 pays only the entry fee. */
function camtCredits(): SampleCredit[] {
  const pay = (plaque: number, remittance: string, cents = demoFee(plaque)): SampleCredit => ({
    bookedOn: "2027-05-03",
    cents,
    name: owner(plaque).fullName,
    remittance,
    iban: "DE02120300000000202051",
  });
  return [
    pay(81, demoReference(81)),
    pay(
      82,
      `Startgeld 1M Meet ${demoReference(82)
        .toLowerCase()
        .replace(/(.{4})/g, "$1 ")}`,
    ),
    pay(83, `1M Meet ${typo(demoReference(83))}`),
    pay(84, demoReference(84), DEMO_ENTRY_CENTS),
    pay(85, `${demoReference(85)} ${owner(85).fullName}`),
    {
      bookedOn: "2027-05-03",
      cents: 6000,
      name: "Erika Mustermann",
      remittance: "Mitgliedsbeitrag 2027",
      iban: "DE02100100100006820101",
    },
    { bookedOn: "2027-05-04", cents: 2500, name: "Kaffee Kasse", remittance: "Spende Clubabend" },
  ];
}

/** owner086 and owner087 pay; one line is the club's other income. */
function csvCredits(): SampleCredit[] {
  return [
    { bookedOn: "2027-05-06", cents: demoFee(86), name: owner(86).fullName, remittance: demoReference(86) },
    {
      bookedOn: "2027-05-06",
      cents: demoFee(87),
      name: owner(87).fullName,
      remittance: `Anmeldung ${demoReference(87)}`,
    },
    { bookedOn: "2027-05-07", cents: 1500, name: "Jens Jansen", remittance: "Aufkleber" },
  ];
}

export function sampleStatements(): { camt: string; csv: string } {
  return {
    camt: sampleCamt053({
      account: DEMO_ACCOUNT,
      credits: camtCredits(),
      statementId: "1M-2027-05-A",
      createdAt: new Date("2027-05-05T06:00:00Z"),
    }),
    csv: sampleStatementCsv(csvCredits()),
  };
}
