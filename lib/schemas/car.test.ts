import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/i18n/messages";
import { oneMForm, uniqueVin, VIN_CHARS } from "@/test/garage";
import { findModel, INDIVIDUAL } from "../car-catalogue";
import { registrationCountries } from "../countries";
import { vinCheckDigit } from "../vin";
import { carSchema } from "./car";

const schema = carSchema(2026);
const parse = (overrides: Record<string, string | undefined> = {}) => schema.safeParse(oneMForm(overrides));
/** Every message per field, so a test can say "this error and no other". */
function errors(overrides: Record<string, string | undefined>): Record<string, string[]> {
  const result = parse(overrides);
  expect(result.success).toBe(false);
  const out: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}
/** A VIN with a wrong check digit: fine in Europe, refused in North America. */
function wrongCheckDigitVin(): string {
  const vin = uniqueVin();
  return `${vin.slice(0, 8)}${vin[8] === "0" ? "1" : "0"}${vin.slice(9)}`;
}

describe("carSchema: a 1M Coupé", () => {
  it("takes the stationary noise of the papers (U.1) as whole dB from 50 to 150, or none", () => {
    expect(parse({ noiseDb: " 96 " }).data?.noiseDb).toBe(96);
    expect(parse({ noiseDb: "" }).data?.noiseDb).toBeNull();
    for (const bad of ["49", "151", "96.5", "loud", "-90"])
      expect(
        parse({ noiseDb: bad }).error?.issues.map((i) => i.message),
        bad,
      ).toEqual(["errors.noiseDb"]);
  });

  it("accepts a valid car and normalises what the owner typed", () => {
    const result = parse({
      vin: "  wbs1m 9c5-0be700123 ",
      plate: "ab-cd 12",
      productionNumber: " 42 ",
      nickname: " Orange ",
      make: "Audi",
      modelName: "RS3",
      individualColour: "Java Green",
    });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      model: "bmw-1m-e82",
      make: "BMW",
      modelName: null,
      year: 2011,
      colour: "Valencia Orange",
      individualColour: null,
      vin: "WBS1M9C50BE700123",
      productionNumber: 42,
      plate: "AB-CD 12",
      plateCountry: "DE",
      nickname: "Orange",
      noiseDb: null,
    });
    expect(parse({ plate: "  m -  rm   101 " }).data?.plate).toBe("M-RM 101");
  });

  it("refuses a year outside 2011–2012 with the span in the message", () => {
    expect(errors({ year: "2013" })).toEqual({ year: ["errors.yearOutOfRange?from=2011&to=2012"] });
    expect(errors({ year: "2010" })).toEqual({ year: ["errors.yearOutOfRange?from=2011&to=2012"] });
    expect(parse({ year: "2012" }).success).toBe(true);
    expect(errors({ year: "soon" }).year).toEqual(["errors.yearInvalid"]);
  });

  it("refuses a colour outside the 1M palette, even one another model has", () => {
    expect(errors({ colour: "Laguna Seca Blue" })).toEqual({ colour: ["errors.colourNotInPalette"] });
    expect(errors({ colour: "valencia orange" })).toEqual({ colour: ["errors.colourNotInPalette"] });
    expect(errors({ colour: "" }).colour).toContain("errors.colourRequired");
  });

  it("needs the Individual colour's name for BMW Individual paint", () => {
    expect(errors({ colour: INDIVIDUAL, individualColour: "" })).toEqual({
      individualColour: ["errors.individualColourRequired"],
    });
    expect(errors({ colour: INDIVIDUAL, individualColour: "   " })).toEqual({
      individualColour: ["errors.individualColourRequired"],
    });
    const ok = parse({ colour: INDIVIDUAL, individualColour: " Java Green " });
    expect(ok.data).toMatchObject({ colour: INDIVIDUAL, individualColour: "Java Green" });
  });

  it("refuses Individual paint for a model that never offered it", () => {
    const e30 = {
      model: "bmw-m3-e30",
      year: "1988",
      colour: INDIVIDUAL,
      individualColour: "Java Green",
      productionNumber: "",
    };
    expect(errors(e30)).toEqual({ colour: ["errors.colourNotInPalette"] });
  });

  it.each([
    "WBS1M9C50BE7OO123",
    "WBS1M9C50BE7II123",
    "WBS1M9C50BE7QQ123",
    "WBS1M9C50BE70012",
    "WBS1M9C50BE7001234",
    "",
  ])("refuses the VIN %j by its shape", (vin) => {
    expect(errors({ vin })).toEqual({ vin: ["errors.vinShape"] });
  });

  it("enforces the check digit for US and CA plates only", () => {
    const vin = wrongCheckDigitVin();
    for (const country of ["DE", "GB", "JP"]) expect(parse({ vin, plateCountry: country }).success).toBe(true);
    expect(errors({ vin, plateCountry: "US" })).toEqual({ vin: ["errors.vinCheckDigit"] });
    expect(errors({ vin, plateCountry: "CA" })).toEqual({ vin: ["errors.vinCheckDigit"] });
    expect(parse({ vin: uniqueVin(), plateCountry: "US" }).success).toBe(true);
  });

  it("checks the production number against the 6,309 cars built", () => {
    expect(errors({ productionNumber: "0" })).toEqual({ productionNumber: ["errors.productionNumber"] });
    expect(errors({ productionNumber: "-3" })).toEqual({ productionNumber: ["errors.productionNumber"] });
    expect(errors({ productionNumber: "12.5" })).toEqual({ productionNumber: ["errors.productionNumber"] });
    expect(errors({ productionNumber: "abc" })).toEqual({ productionNumber: ["errors.productionNumber"] });
    expect(errors({ productionNumber: "6310" })).toEqual({ productionNumber: ["errors.productionNumberMax?max=6309"] });
    expect(parse({ productionNumber: "6309" }).data?.productionNumber).toBe(6309);
    expect(parse({ productionNumber: "" }).data?.productionNumber).toBeNull();
    expect(parse({ productionNumber: undefined }).data?.productionNumber).toBeNull();
  });

  it("requires a plate and a known registration country", () => {
    expect(errors({ plate: "" })).toEqual({ plate: ["errors.plateRequired"] });
    expect(errors({ plate: "   " })).toEqual({ plate: ["errors.plateRequired"] });
    expect(errors({ plate: "M-RM 1234567890123" })).toEqual({ plate: ["errors.tooLong?max=16"] });
    for (const plateCountry of ["", "XX", "de", "Germany"])
      expect(errors({ plateCountry })).toEqual({ plateCountry: ["errors.countryRequired"] });
  });

  it("refuses a model code the catalogue does not know", () => {
    expect(errors({ model: "bmw-m5-e39" })).toEqual({ model: ["errors.modelRequired"] });
    expect(errors({ model: "" }).model).toContain("errors.modelRequired");
  });

  it("uses only message keys both catalogues translate, values after '?'", () => {
    const translated = (key: string) => key in messagesFor("en").errors && key in messagesFor("de").errors;
    const bad = [
      { year: "1999" },
      { colour: "Pink" },
      { vin: "x" },
      { productionNumber: "9999" },
      { plate: "" },
      { plateCountry: "XX" },
      { colour: INDIVIDUAL },
    ];
    for (const overrides of bad) {
      for (const message of Object.values(errors(overrides)).flat()) {
        expect(message).toMatch(/^errors\.\w+(\?.+)?$/);
        expect(translated(message.split("?")[0]!.slice("errors.".length)), message).toBe(true);
      }
    }
  });
});

describe("carSchema: a model outside the catalogue", () => {
  const other = (o: Record<string, string | undefined> = {}) => ({
    model: "other",
    make: "Porsche",
    modelName: "911 GT3 (996)",
    year: "2004",
    colour: "Speed Yellow",
    productionNumber: "",
    ...o,
  });

  it("needs make and model name, and takes any colour", () => {
    expect(errors(other({ make: "", modelName: " " }))).toEqual({
      make: ["errors.makeRequired"],
      modelName: ["errors.modelNameRequired"],
    });
    const ok = parse(other({ colour: "Lava Orange (paint to sample)", productionNumber: "123456" }));
    expect(ok.data).toMatchObject({
      model: "other",
      make: "Porsche",
      modelName: "911 GT3 (996)",
      colour: "Lava Orange (paint to sample)",
      productionNumber: 123456,
    });
  });

  it("caps an unknown model's production number and takes digits only", () => {
    expect(errors(other({ productionNumber: "3000000000" }))).toEqual({
      productionNumber: ["errors.productionNumberMax?max=999999"],
    });
    expect(errors(other({ productionNumber: "1e3" }))).toEqual({ productionNumber: ["errors.productionNumber"] });
  });

  it("takes years from 1900 to next year", () => {
    expect(parse(other({ year: "1900" })).success).toBe(true);
    expect(parse(other({ year: "2027" })).success).toBe(true);
    expect(errors(other({ year: "2028" }))).toEqual({ year: ["errors.yearInvalid"] });
    expect(errors(other({ year: "1899" }))).toEqual({ year: ["errors.yearInvalid"] });
  });
});

describe("carSchema properties", () => {
  const oneM = findModel("bmw-1m-e82")!;
  const vinDraft = fc
    .array(fc.constantFrom(...VIN_CHARS.split("")), { minLength: 17, maxLength: 17 })
    .map((cs) => cs.join(""));

  it("accepts any 1M built from its palette, years and VIN alphabet, in any letter case and spacing", () => {
    const input = fc.record({
      colour: fc.constantFrom(...oneM.colours.map((c) => c.name)),
      year: fc.integer({ min: 2011, max: 2012 }),
      draft: vinDraft,
      lower: fc.boolean(),
      productionNumber: fc.option(fc.integer({ min: 1, max: 6309 }), { nil: null }),
      plateCountry: fc.constantFrom(...registrationCountries),
    });
    fc.assert(
      fc.property(input, ({ colour, year, draft, lower, productionNumber, plateCountry }) => {
        const vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
        const typed = `${vin.slice(0, 5)} ${vin.slice(5, 11)}-${vin.slice(11)}`;
        const result = parse({
          colour,
          year: String(year),
          vin: lower ? typed.toLowerCase() : typed,
          productionNumber: productionNumber === null ? "" : String(productionNumber),
          plateCountry,
        });
        expect(result.error?.issues).toBeUndefined();
        expect(result.data).toMatchObject({ vin, year, colour, productionNumber, plateCountry });
      }),
      { numRuns: 300 },
    );
  });

  it("refuses any VIN containing I, O or Q, in either case", () => {
    const bad = fc.tuple(vinDraft, fc.integer({ min: 0, max: 16 }), fc.constantFrom("I", "O", "Q", "i", "o", "q"));
    fc.assert(
      fc.property(bad, fc.constantFrom("DE", "US"), ([draft, at, letter], plateCountry) => {
        const vin = `${draft.slice(0, at)}${letter}${draft.slice(at + 1)}`;
        expect(errors({ vin, plateCountry })).toEqual({ vin: ["errors.vinShape"] });
      }),
      { numRuns: 300 },
    );
  });
});
