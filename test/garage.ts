import { randomInt } from "node:crypto";
import { vinCheckDigit } from "@/lib/vin";

export const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

/** A VIN no other test will pick, with a valid check digit so it passes for US and CA plates too. */
export function uniqueVin(prefix = "WBS"): string {
  let draft = prefix;
  while (draft.length < 17) draft += VIN_CHARS[randomInt(VIN_CHARS.length)];
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

/** A 1M Coupé as the garage form sends it (every value a string). */
export function oneMForm(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    model: "bmw-1m-e82",
    make: "",
    modelName: "",
    year: "2011",
    colour: "Valencia Orange",
    individualColour: "",
    vin: uniqueVin(),
    productionNumber: "1234",
    plate: "m-rm 1",
    plateCountry: "DE",
    nickname: "",
    ...overrides,
  };
}
