import { stringify } from "csv-stringify/sync";
import { formatClock, EVENT_TIME_ZONE } from "../time";
import type { PlaceStatus, RosterStatus } from "./query";

export const ROSTER_CSV_COLUMNS = [
  "plaque",
  "driver",
  "car",
  "colour",
  "plate",
  "sessions",
  "status",
  "paperwork",
  "checkedIn",
] as const;
export const SESSION_CSV_COLUMNS = ["position", "plaque", "driver", "car", "colour", "plate", "status"] as const;
export type RosterCsvColumn = (typeof ROSTER_CSV_COLUMNS)[number] | (typeof SESSION_CSV_COLUMNS)[number];

/** Header and status words; the route fills these from the catalogue for a German export. */
export type RosterCsvLabels = {
  columns: Record<RosterCsvColumn, string>;
  status: Record<RosterStatus, string>;
  deletedAccount: string;
};

export const ROSTER_CSV_LABELS_EN: RosterCsvLabels = {
  columns: {
    position: "Position",
    plaque: "Plaque",
    driver: "Driver",
    car: "Car",
    colour: "Colour",
    plate: "Plate",
    sessions: "Sessions",
    status: "Status",
    paperwork: "Paperwork",
    checkedIn: "Checked in",
  },
  status: { confirmed: "Confirmed", waiting: "Waiting", cancelled: "Cancelled" },
  deletedAccount: "Deleted account",
};

/** `driver` is null once the owner deleted their account. */
type CarCells = { plaque: number | null; driver: string | null; car: string; colour: string; plate: string | null };
/** One registered car. `sessions` are already worded as on the roster; they are joined with "; ". */
export type RosterCsvRow = CarCells & {
  sessions: string[];
  status: RosterStatus;
  checkedInAt: Date | null;
  /** Worded already ("Complete", "Missing 2"), or empty when the event asks for none. */
  paperwork: string;
  /** Answers to the event's questions, by question id. */
  answers: Record<string, string>;
};
/** The event's questions, one column each after the roster's own, headed by the question's text. */
export type CsvQuestion = { id: string; text: string };
/** One car's place in one session; `waitingPosition` is null for a confirmed place. */
export type SessionCsvRow = CarCells & { waitingPosition: number | null; status: PlaceStatus };

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection), so such a
 * cell gets a leading apostrophe, which they show as text.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(records: string[][]): string {
  // csv-stringify quotes delimiters and quotes itself; RFC 4180 wants any line break quoted too.
  // Every CSV export (roster, session lists, payments) goes through here.
  return stringify(
    records.map((r) => r.map(neutraliseCell)),
    {
      bom: true,
      delimiter: ",",
      record_delimiter: "\r\n",
      quoted_match: /[\r\n]/,
    },
  );
}

const text = (value: string | number | null) => (value === null ? "" : String(value));

/** The roster as CSV: UTF-8 with a BOM, CRLF, RFC 4180 quoting, a header row. */
export function rosterCsv(
  rows: RosterCsvRow[],
  labels: RosterCsvLabels = ROSTER_CSV_LABELS_EN,
  zone = EVENT_TIME_ZONE,
  questions: CsvQuestion[] = [],
): string {
  const header = [...ROSTER_CSV_COLUMNS.map((c) => labels.columns[c]), ...questions.map((q) => q.text)];
  const body = rows.map((r) => [
    text(r.plaque),
    r.driver ?? labels.deletedAccount,
    r.car,
    r.colour,
    text(r.plate),
    r.sessions.join("; "),
    labels.status[r.status],
    r.paperwork,
    r.checkedInAt ? formatClock(r.checkedInAt, zone) : "",
    ...questions.map((q) => r.answers[q.id] ?? ""),
  ]);
  return toCsv([header, ...body]);
}

/** One session's list (for the marshals): waiting position, car and place status. */
export function sessionCsv(rows: SessionCsvRow[], labels: RosterCsvLabels = ROSTER_CSV_LABELS_EN): string {
  const header = SESSION_CSV_COLUMNS.map((c) => labels.columns[c]);
  const body = rows.map((r) => [
    text(r.waitingPosition),
    text(r.plaque),
    r.driver ?? labels.deletedAccount,
    r.car,
    r.colour,
    text(r.plate),
    labels.status[r.status],
  ]);
  return toCsv([header, ...body]);
}
