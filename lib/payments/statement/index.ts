import { parseCamt053 } from "./camt053";
import { parseStatementCsv } from "./csv";
import { StatementError, type StatementLine } from "./types";

export { parseCamt053 } from "./camt053";
export { parseStatementCsv } from "./csv";
export { matchStatement, namesMatch, type MatchedLine, type MatchFit, type MatchReason, type OpenItem } from "./match";
export { StatementError, type StatementErrorCode, type StatementLine } from "./types";

/** Formats organisers are likely to try; each gets told what to export instead. */
const UNSUPPORTED: [RegExp, string][] = [
  [/\.pdf$/i, "PDF"],
  [/\.(xlsx?|ods|numbers)$/i, "spreadsheet"],
  [/\.(sta|mt940|940)$/i, "MT940"],
];

/**
 * The credits of an uploaded bank statement: CAMT.053 when the content is XML, CSV otherwise.
 * The content decides, not the name, since banks name their exports freely; the name only
 * explains a format we cannot read. Throws StatementError with what was wrong.
 */
export function parseStatement(fileName: string, content: string): StatementLine[] {
  const body = content.replace(/^\uFEFF/, "").trimStart();
  const unsupported = UNSUPPORTED.find(([pattern]) => pattern.test(fileName.trim()));
  if (unsupported && !body.startsWith("<")) {
    throw new StatementError(
      "unsupported-format",
      `${unsupported[1]} files cannot be read; export the statement as CAMT.053 (XML) or CSV`,
    );
  }
  // A binary file decoded as text: telling the user beats a list of missing CSV columns.
  if (body.includes("\u0000")) {
    throw new StatementError("unsupported-format", "this is not a text file; export a CAMT.053 (XML) or CSV statement");
  }
  if (body === "") throw new StatementError("malformed", "the file is empty");
  return body.startsWith("<") ? parseCamt053(body) : parseStatementCsv(body);
}
