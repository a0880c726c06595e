import { stringify } from "csv-stringify/sync";
import { centsToDecimal } from "../money";

/** A payment to put into a sample statement; `iban` is the payer's. */
export type SampleCredit = { bookedOn: string; cents: number; remittance: string; name: string; iban?: string };
export type SampleAccount = { iban: string; bic: string; holder: string };
export type SampleStatement = { account: SampleAccount; credits: SampleCredit[]; statementId: string; createdAt: Date };

/** Every statement carries a bank fee too, so whoever reads a sample sees debits left out. */
const FEE = { cents: 590, text: "Kontoführungsentgelt 05/2024" };
const OPENING_CENTS = 125_000;

/** Characters XML 1.0 cannot carry at all are dropped; the five special ones are escaped. */
function xml(text: string): string {
  const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function balance(code: "OPBD" | "CLBD", cents: number, date: string): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${centsToDecimal(Math.abs(cents))}</Amt>
<CdtDbtInd>${cents < 0 ? "DBIT" : "CRDT"}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function party(role: "Dbtr" | "Cdtr", name: string, iban: string | undefined): string {
  const account = iban ? `<${role}Acct><Id><IBAN>${xml(iban)}</IBAN></Id></${role}Acct>` : "";
  return `<${role}><Pty><Nm>${xml(name)}</Nm></Pty></${role}>${account}`;
}

type EntryInput = SampleCredit & { direction: "CRDT" | "DBIT"; ref: string; family: string };

function entry(e: EntryInput, account: SampleAccount): string {
  const [domain, family, subFamily] = e.family.split("/");
  const amount = `<Amt Ccy="EUR">${centsToDecimal(e.cents)}</Amt><CdtDbtInd>${e.direction}</CdtDbtInd>`;
  const parties =
    e.direction === "CRDT"
      ? party("Dbtr", e.name, e.iban) + party("Cdtr", account.holder, account.iban)
      : party("Dbtr", account.holder, account.iban) + party("Cdtr", e.name, e.iban);
  return `<Ntry><NtryRef>${xml(e.ref)}</NtryRef>${amount}<Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>${e.bookedOn}</Dt></BookgDt><ValDt><Dt>${e.bookedOn}</Dt></ValDt><AcctSvcrRef>${xml(e.ref)}</AcctSvcrRef>
<BkTxCd><Domn><Cd>${domain}</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>${subFamily}</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>${amount}
<RltdPties>${parties}</RltdPties><RmtInf><Ustrd>${xml(e.remittance)}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
}

/** The entries in file order: the credits as given, with the bank fee halfway through. */
function entries({ credits, statementId }: SampleStatement, lastDay: string): EntryInput[] {
  const list: EntryInput[] = credits.map((credit, i) => ({
    ...credit,
    direction: "CRDT",
    ref: `${statementId}-${i + 1}`,
    family: "PMNT/RCDT/ESCT",
  }));
  const fee: EntryInput = {
    bookedOn: lastDay,
    cents: FEE.cents,
    remittance: FEE.text,
    name: "Sparkasse",
    direction: "DBIT",
    ref: `${statementId}-fee`,
    family: "ACMT/MDOP/CHRG",
  };
  list.splice(Math.floor(list.length / 2), 0, fee);
  return list;
}

/**
 * A realistic camt.053.001.08 statement holding the given credits (and one bank fee): for demos,
 * for trying the import by hand and for the parser's tests.
 */
export function sampleCamt053(statement: SampleStatement): string {
  const { account, credits, statementId, createdAt } = statement;
  const stamp = createdAt.toISOString().slice(0, 19);
  const days = credits.map((credit) => credit.bookedOn).sort();
  const [firstDay, lastDay] = [days[0] ?? stamp.slice(0, 10), days.at(-1) ?? stamp.slice(0, 10)];
  const closing = OPENING_CENTS + credits.reduce((sum, credit) => sum + credit.cents, 0) - FEE.cents;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<BkToCstmrStmt><GrpHdr><MsgId>${xml(statementId)}</MsgId><CreDtTm>${stamp}</CreDtTm></GrpHdr>
<Stmt><Id>${xml(statementId)}</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>${stamp}</CreDtTm>
<FrToDt><FrDtTm>${firstDay}T00:00:00</FrDtTm><ToDtTm>${lastDay}T23:59:59</ToDtTm></FrToDt>
<Acct><Id><IBAN>${xml(account.iban)}</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>${xml(account.holder)}</Nm></Ownr>
<Svcr><FinInstnId><BICFI>${xml(account.bic)}</BICFI></FinInstnId></Svcr></Acct>
${balance("OPBD", OPENING_CENTS, firstDay)}
${balance("CLBD", closing, lastDay)}
${entries(statement, lastDay)
  .map((e) => entry(e, account))
  .join("\n")}
</Stmt></BkToCstmrStmt></Document>
`;
}

const germanDate = (iso: string) => iso.split("-").reverse().join(".");
function germanAmount(cents: number): string {
  const [units, fraction] = centsToDecimal(cents).split(".");
  return `${units!.replace(/\B(?=(\d{3})+$)/g, ".")},${fraction}`;
}

/** The same credits as a German bank's CSV export: BOM, ";", DD.MM.YYYY, "1.234,50", a fee as "-5,90". */
export function sampleStatementCsv(credits: SampleCredit[]): string {
  const header = ["Buchungstag", "Valutadatum", "Zahlungspflichtiger", "IBAN", "Verwendungszweck", "Betrag", "Währung"];
  const rows = credits.map((c) => {
    const day = germanDate(c.bookedOn);
    return [day, day, c.name, c.iban ?? "", c.remittance, germanAmount(c.cents), "EUR"];
  });
  const lastDay = germanDate(
    credits
      .map((c) => c.bookedOn)
      .sort()
      .at(-1) ?? "2024-05-31",
  );
  rows.splice(Math.floor(rows.length / 2), 0, [
    lastDay,
    lastDay,
    "",
    "",
    FEE.text,
    `-${germanAmount(FEE.cents)}`,
    "EUR",
  ]);
  return "\uFEFF" + stringify([header, ...rows], { delimiter: ";", record_delimiter: "windows" });
}
