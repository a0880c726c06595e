import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  neutraliseCell,
  ROSTER_CSV_LABELS_EN,
  rosterCsv,
  sessionCsv,
  type RosterCsvLabels,
  type RosterCsvRow,
} from "./csv";

// csv-parse is not installed; a strict RFC 4180 reader is enough to check the round trip.
function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let cell = "";
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= input.length) throw new Error("unterminated quote");
        if (input[i] === '"' && input[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (input[i] === '"') {
          i++;
          break;
        } else cell += input[i++];
      }
    } else {
      while (i < input.length && input[i] !== "," && input[i] !== "\r" && input[i] !== "\n" && input[i] !== '"')
        cell += input[i++];
      if (input[i] === '"') throw new Error(`bare quote at ${i}`);
    }
    record.push(cell);
    if (input[i] === ",") {
      i++;
      continue;
    }
    if (input.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === input.length) return records;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}`);
  }
}

const row = (over: Partial<RosterCsvRow> = {}): RosterCsvRow => ({
  plaque: 7,
  driver: "Anna Schmidt",
  car: "BMW 1M Coupé",
  colour: "Valencia Orange",
  plate: "AW-1M-7",
  sessions: ["Paddock display", "Photo session, GP straight"],
  status: "confirmed",
  checkedInAt: null,
  paperwork: "",
  answers: {},
  ...over,
});
const body = (csv: string) => parseCsv(csv.slice(1)).slice(1);

describe("rosterCsv", () => {
  it("adds one column per question of the event, headed by its text, after the paperwork", () => {
    const csv = rosterCsv(
      [row({ paperwork: "Missing 1", answers: { q1: "M", q2: "=cmd|' /C calc'!A0" } }), row({ answers: {} })],
      ROSTER_CSV_LABELS_EN,
      "Europe/Berlin",
      [
        { id: "q1", text: "T-shirt size" },
        { id: "q2", text: "Anything else?" },
      ],
    );
    const [header, first, second] = parseCsv(csv.slice(1));
    expect(header!.slice(-4)).toEqual(["Paperwork", "Checked in", "T-shirt size", "Anything else?"]);
    // Answers are typed by owners: a formula-looking one is neutralised like every other cell.
    expect(first!.slice(-4)).toEqual(["Missing 1", "", "M", "'=cmd|' /C calc'!A0"]);
    expect(second!.slice(-2)).toEqual(["", ""]);
  });

  it("starts with a BOM and the exact header, and ends every line with CRLF", () => {
    const csv = rosterCsv([row()]);
    expect(csv.startsWith("\uFEFFPlaque,Driver,Car,Colour,Plate,Sessions,Status,Paperwork,Checked in\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("writes the roster's values: empty plaque, plate and check-in, the time in Europe/Berlin", () => {
    const csv = rosterCsv([
      row(),
      row({
        plaque: null,
        plate: null,
        status: "waiting",
        sessions: [],
        checkedInAt: new Date("2031-06-14T07:05:00Z"),
      }),
    ]);
    expect(body(csv)).toEqual([
      [
        "7",
        "Anna Schmidt",
        "BMW 1M Coupé",
        "Valencia Orange",
        "AW-1M-7",
        "Paddock display; Photo session, GP straight",
        "Confirmed",
        "",
        "",
      ],
      ["", "Anna Schmidt", "BMW 1M Coupé", "Valencia Orange", "", "", "Waiting", "", "09:05"],
    ]);
  });

  it("neutralises a formula in any cell", () => {
    const csv = rosterCsv([
      row({ driver: "=cmd|' /C calc'!A0", car: "-5", colour: "+1", plate: "@x", sessions: ["\tX"] }),
    ]);
    expect(body(csv)[0]).toEqual(["7", "'=cmd|' /C calc'!A0", "'-5", "'+1", "'@x", "'\tX", "Confirmed", "", ""]);
    expect(csv).not.toMatch(/(^|,|\n)=cmd/);
  });

  it("prefixes each dangerous first character and only those", () => {
    for (const bad of ["=1+2", "-5", "+1", "@x", "\tX", "\rX"]) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    for (const fine of ["Müller", "5-3", "a=b", " =1", "", "'quoted"]) expect(neutraliseCell(fine)).toBe(fine);
    expect(body(rosterCsv([row({ driver: "\rX" })]))[0]?.[1]).toBe("'\rX");
  });

  it("quotes a comma, quotes and line breaks so they round-trip", () => {
    const csv = rosterCsv([row({ driver: "Müller, Jörg", car: 'The "Orange" one', colour: "two\nlines" })]);
    expect(csv).toContain('"Müller, Jörg"');
    expect(csv).toContain('"The ""Orange"" one"');
    expect(body(csv)[0]?.slice(1, 4)).toEqual(["Müller, Jörg", 'The "Orange" one', "two\nlines"]);
  });

  it("round-trips any text, apart from the apostrophe before a formula", () => {
    const text = fc.string({ unit: "grapheme" });
    fc.assert(
      fc.property(text, text, text, (driver, car, colour) => {
        const [cells] = body(rosterCsv([row({ driver, car, colour })]));
        expect(cells?.slice(1, 4)).toEqual([driver, car, colour].map(neutraliseCell));
      }),
      { numRuns: 300 },
    );
  });

  it("uses the labels it is given, for a German export", () => {
    const de: RosterCsvLabels = {
      columns: { ...ROSTER_CSV_LABELS_EN.columns, plaque: "Startnummer", driver: "Fahrer", checkedIn: "Eingecheckt" },
      status: { confirmed: "Bestätigt", waiting: "Warteliste", cancelled: "Storniert" },
      deletedAccount: "Gelöschtes Konto",
    };
    const csv = rosterCsv([row({ status: "cancelled" }), row({ driver: null })], de);
    expect(parseCsv(csv.slice(1))[0]).toEqual([
      "Startnummer",
      "Fahrer",
      "Car",
      "Colour",
      "Plate",
      "Sessions",
      "Status",
      "Paperwork",
      "Eingecheckt",
    ]);
    expect(body(csv)[0]?.[6]).toBe("Storniert");
    expect(body(csv)[1]?.[1]).toBe("Gelöschtes Konto");
  });

  it("writes just the header for an empty roster", () => {
    expect(rosterCsv([])).toBe("\uFEFFPlaque,Driver,Car,Colour,Plate,Sessions,Status,Paperwork,Checked in\r\n");
  });
});

describe("sessionCsv", () => {
  it("lists one session with waiting positions, BOM, header and neutralised cells", () => {
    const csv = sessionCsv([
      {
        waitingPosition: null,
        plaque: 1,
        driver: "Müller, Jörg",
        car: "BMW 1M Coupé",
        colour: "Alpine White",
        plate: "K-M-1",
        status: "confirmed",
      },
      {
        waitingPosition: 3,
        plaque: null,
        driver: "@evil",
        car: "BMW 1M Coupé",
        colour: "Sapphire Black",
        plate: null,
        status: "waiting",
      },
    ]);
    expect(csv.startsWith("\uFEFFPosition,Plaque,Driver,Car,Colour,Plate,Status\r\n")).toBe(true);
    expect(body(csv)).toEqual([
      ["", "1", "Müller, Jörg", "BMW 1M Coupé", "Alpine White", "K-M-1", "Confirmed"],
      ["3", "", "'@evil", "BMW 1M Coupé", "Sapphire Black", "", "Waiting"],
    ]);
  });
});
