import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { registrationCountries } from "../countries";
import { defaultDisplayName, normalisePhone, profileSchema } from "./profile";

const form = (overrides: Record<string, string | undefined> = {}) => ({
  fullName: "Jonas Müller",
  displayName: "",
  country: "DE",
  phone: "",
  locale: "de",
  ...overrides,
});
const parse = (overrides: Record<string, string | undefined> = {}) => profileSchema.safeParse(form(overrides));
function errors(overrides: Record<string, string | undefined>): Record<string, string[]> {
  const result = parse(overrides);
  expect(result.success).toBe(false);
  const out: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe("profileSchema", () => {
  it("accepts a complete profile and trims it", () => {
    const result = parse({
      fullName: "  Jonas Müller ",
      displayName: " Jonny ",
      phone: "+49 151 2345-678",
      locale: "en",
    });
    expect(result.data).toEqual({
      fullName: "Jonas Müller",
      displayName: "Jonny",
      country: "DE",
      phone: "+491512345678",
      locale: "en",
      licenceNumber: null,
      licenceCountry: null,
      licenceValidUntil: null,
      emergencyName: null,
      emergencyPhone: null,
      experience: null,
    });
  });

  it("takes the driver details paperwork may ask for, each optional, each checked", () => {
    const full = parse({
      licenceNumber: " B072RRE2I55 ",
      licenceCountry: "DE",
      licenceValidUntil: "2033-01-18",
      emergencyName: " Anna Müller ",
      emergencyPhone: "0049 171 1234567",
      experience: "nordschleife",
    });
    expect(full.data).toMatchObject({
      licenceNumber: "B072RRE2I55",
      licenceCountry: "DE",
      licenceValidUntil: "2033-01-18",
      emergencyName: "Anna Müller",
      emergencyPhone: "+491711234567",
      experience: "nordschleife",
    });
    expect(errors({ licenceNumber: "!!" })).toEqual({ licenceNumber: ["errors.licenceNumber"] });
    expect(errors({ licenceValidUntil: "2031-02-31" })).toEqual({ licenceValidUntil: ["errors.dateRequired"] });
    expect(errors({ licenceCountry: "XX" })).toEqual({ licenceCountry: ["errors.countryRequired"] });
    expect(errors({ emergencyPhone: "call me" })).toEqual({ emergencyPhone: ["errors.phoneInvalid"] });
    expect(errors({ experience: "expert" })).toEqual({ experience: ["errors.experienceRequired"] });
  });

  it("requires a full name of at least two characters", () => {
    expect(errors({ fullName: "" })).toEqual({ fullName: ["errors.fullNameRequired"] });
    // One letter is a name too short, and the message says the rule rather than "enter your name".
    expect(errors({ fullName: " J " })).toEqual({ fullName: ["errors.tooShort?min=2"] });
    expect(errors({ fullName: undefined })).toEqual({ fullName: ["errors.fullNameRequired"] });
    expect(parse({ fullName: "Jo" }).success).toBe(true);
    expect(errors({ fullName: "x".repeat(101) })).toEqual({ fullName: ["errors.tooLong?max=100"] });
  });

  it("defaults the display name to first name and last initial", () => {
    expect(parse({ displayName: "" }).data?.displayName).toBe("Jonas M.");
    expect(parse({ displayName: "   " }).data?.displayName).toBe("Jonas M.");
    expect(parse({ displayName: undefined, fullName: "anna maria von der heide" }).data?.displayName).toBe("anna H.");
    expect(errors({ displayName: "x".repeat(41) })).toEqual({ displayName: ["errors.tooLong?max=40"] });
  });

  it("normalises a phone number to E.164", () => {
    expect(parse({ phone: "+49 151 2345-678" }).data?.phone).toBe("+491512345678");
    expect(parse({ phone: "0049 (151) 2345.678" }).data?.phone).toBe("+491512345678");
    expect(parse({ phone: " +1 415/555 0100 " }).data?.phone).toBe("+14155550100");
    expect(parse({ phone: "" }).data?.phone).toBeNull();
    expect(parse({ phone: "   " }).data?.phone).toBeNull();
    expect(parse({ phone: undefined }).data?.phone).toBeNull();
  });

  it.each([
    "0151 2345678",
    "+0151234567",
    "+49 151 CALL ME",
    "+12345",
    "+1234567890123456",
    "49 151 2345678",
    "++491512345678",
  ])("refuses the phone number %j", (phone) => {
    expect(errors({ phone })).toEqual({ phone: ["errors.phoneInvalid"] });
  });

  it("takes English or German only", () => {
    expect(parse({ locale: "en" }).success).toBe(true);
    for (const locale of ["", "fr", "EN", "de-DE"])
      expect(errors({ locale })).toEqual({ locale: ["errors.languageRequired"] });
  });

  it("takes a registration country or none", () => {
    expect(parse({ country: "" }).data?.country).toBeNull();
    expect(parse({ country: undefined }).data?.country).toBeNull();
    for (const country of registrationCountries) expect(parse({ country }).data?.country).toBe(country);
    for (const country of ["XX", "de", "Deutschland"])
      expect(errors({ country })).toEqual({ country: ["errors.countryRequired"] });
  });
});

describe("defaultDisplayName", () => {
  it("is the first name and the last name's initial, upper-cased", () => {
    expect(defaultDisplayName("Jonas Müller")).toBe("Jonas M.");
    expect(defaultDisplayName("  Jonas   Peter  müller ")).toBe("Jonas M.");
    expect(defaultDisplayName("Cher")).toBe("Cher");
    expect(defaultDisplayName("  ")).toBe("");
  });

  it("never shows more than the first name and one letter", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcxyzÄÖÜéø".split("")), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 5 }), (words) => {
        const shown = defaultDisplayName(words.join(" "));
        expect(shown).toBe(`${words[0]} ${words.at(-1)![0]!.toUpperCase()}.`);
      }),
    );
  });
});

describe("normalisePhone", () => {
  it("is idempotent and keeps only a leading plus and digits for typical input", () => {
    const typed = fc.string({ unit: fc.constantFrom(..."0123456789 -()./+".split("")), maxLength: 20 });
    fc.assert(
      fc.property(typed, (raw) => {
        const once = normalisePhone(raw);
        expect(normalisePhone(once)).toBe(once);
        expect(once).not.toMatch(/[\s\-()./]/);
      }),
    );
  });
});
