import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ROSTER_QUERY,
  parseRosterQuery,
  rosterQueryToSearchParams,
  rosterStatus,
  type RosterQuery,
} from "./query";

const SESSION = "0b5a4f5e-3c1d-4e8a-9f2b-7a6c5d4e3f21";

describe("rosterStatus", () => {
  it("is confirmed with at least one confirmed session", () => {
    expect(rosterStatus(["confirmed"])).toBe("confirmed");
    expect(rosterStatus(["waiting", "confirmed", "waiting"])).toBe("confirmed");
  });

  it("is waiting with only waiting-list places", () => {
    expect(rosterStatus(["waiting"])).toBe("waiting");
    expect(rosterStatus(["waiting", "waiting"])).toBe("waiting");
  });

  it("is cancelled once cancelled, whatever places remain, and with no place at all", () => {
    expect(rosterStatus(["confirmed"], true)).toBe("cancelled");
    expect(rosterStatus([], true)).toBe("cancelled");
    expect(rosterStatus([])).toBe("cancelled");
  });
});

describe("parseRosterQuery", () => {
  it("gives the defaults for an empty query string", () => {
    expect(parseRosterQuery({})).toEqual(DEFAULT_ROSTER_QUERY);
    expect(DEFAULT_ROSTER_QUERY).toMatchObject({ sort: "plaque", dir: "asc", page: 1, pageSize: 50, q: "" });
  });

  it("reads a full, valid query", () => {
    expect(
      parseRosterQuery({
        q: "  Müller ",
        session: SESSION.toUpperCase(),
        status: "waiting",
        checkedIn: "no",
        paperwork: "missing",
        colour: "valencia-orange",
        model: "1m-coupe",
        sort: "driver",
        dir: "desc",
        page: "3",
        pageSize: "100",
      }),
    ).toEqual({
      q: "Müller",
      session: SESSION,
      status: "waiting",
      checkedIn: "no",
      paperwork: "missing",
      colour: "valencia-orange",
      model: "1m-coupe",
      sort: "driver",
      dir: "desc",
      page: 3,
      pageSize: 100,
    });
  });

  it("falls back field by field on bad values", () => {
    expect(
      parseRosterQuery({
        q: "ok",
        session: "not-a-uuid",
        status: "lost",
        checkedIn: "maybe",
        colour: "  ",
        model: "x".repeat(101),
        sort: "password",
        dir: "sideways",
        page: "0",
        pageSize: "ten",
      }),
    ).toEqual({ ...DEFAULT_ROSTER_QUERY, q: "ok" });
    expect(parseRosterQuery({ page: "-2", pageSize: "0" })).toMatchObject({ page: 1, pageSize: 50 });
    expect(parseRosterQuery({ page: "2.5", pageSize: "1e9" })).toMatchObject({ page: 1, pageSize: 200 });
  });

  it("cuts the search to 100 characters and caps the page size at 200", () => {
    expect(parseRosterQuery({ q: `  ${"ä".repeat(150)}` }).q).toBe("ä".repeat(100));
    expect(parseRosterQuery({ q: "🏎".repeat(120) }).q).toBe("🏎".repeat(100));
    expect(parseRosterQuery({ pageSize: "500" }).pageSize).toBe(200);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseRosterQuery({ sort: ["car", "plate"], q: ["a", "b"], status: [] })).toMatchObject({
      sort: "car",
      q: "a",
      status: null,
    });
  });

  it("never throws and always yields a usable query, whatever arrives", () => {
    const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined));
    const keys = fc.constantFrom(
      "q",
      "session",
      "status",
      "checkedIn",
      "colour",
      "model",
      "sort",
      "dir",
      "page",
      "pageSize",
      "other",
    );
    fc.assert(
      fc.property(fc.dictionary(keys, value), (params) => {
        const q = parseRosterQuery(params);
        expect(q.q.length).toBeLessThanOrEqual(200);
        expect(Number.isInteger(q.page) && q.page >= 1).toBe(true);
        expect(Number.isInteger(q.pageSize) && q.pageSize >= 1 && q.pageSize <= 200).toBe(true);
        expect(parseRosterQuery(Object.fromEntries(rosterQueryToSearchParams(q)))).toEqual(q);
      }),
      { numRuns: 500 },
    );
  });
});

describe("rosterQueryToSearchParams", () => {
  it("leaves defaults out", () => {
    expect(rosterQueryToSearchParams(DEFAULT_ROSTER_QUERY).toString()).toBe("");
  });

  it("writes what differs and reads back the same query", () => {
    const query: RosterQuery = {
      ...DEFAULT_ROSTER_QUERY,
      q: "Jörg & Co",
      session: SESSION,
      checkedIn: "yes",
      sort: "checkedIn",
      dir: "desc",
      page: 2,
    };
    const params = rosterQueryToSearchParams(query);
    expect(params.toString()).toBe(
      `q=J%C3%B6rg+%26+Co&session=${SESSION}&checkedIn=yes&sort=checkedIn&dir=desc&page=2`,
    );
    expect(parseRosterQuery(Object.fromEntries(params))).toEqual(query);
  });
});
