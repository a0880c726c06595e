import { z } from "zod";
import { findModel, INDIVIDUAL, OTHER_MODEL } from "../car-catalogue";
import { isRegistrationCountry, normalisePlate } from "../countries";
import { hasValidCheckDigit, isVinShape, normaliseVin } from "../vin";
import { LIMITS, tooLong } from "./limits";

const text = (max: number) => z.string().trim().max(max, tooLong(max));
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : null));
const MAX_UNKNOWN_PRODUCTION = 999_999;

/**
 * A car as the garage form sends it. Messages are catalogue keys. The same rules run on the
 * server (authoritative) and may run in the browser for early feedback.
 */
export function carSchema(currentYear: number) {
  return z
    .object({
      model: z.string().min(1, "errors.modelRequired"),
      make: optionalText(LIMITS.make),
      modelName: optionalText(LIMITS.modelName),
      year: z.coerce.number({ error: "errors.yearInvalid" }).int("errors.yearInvalid"),
      colour: text(LIMITS.colour).min(1, "errors.colourRequired"),
      individualColour: optionalText(LIMITS.individualColour),
      vin: z.string().transform(normaliseVin).refine(isVinShape, "errors.vinShape"),
      productionNumber: z
        .string()
        .trim()
        .optional()
        .refine((v) => !v || /^\d+$/.test(v), "errors.productionNumber")
        .transform((v) => (v ? Number(v) : null))
        .refine((v) => v === null || (Number.isInteger(v) && v >= 1), "errors.productionNumber"),
      plate: z
        .string()
        .transform(normalisePlate)
        .pipe(z.string().min(1, "errors.plateRequired").max(LIMITS.plate, tooLong(LIMITS.plate))),
      plateCountry: z.string().refine(isRegistrationCountry, "errors.countryRequired"),
      nickname: optionalText(LIMITS.nickname),
      noiseDb: z
        .string()
        .trim()
        .optional()
        .refine((v) => !v || /^\d{2,3}$/.test(v), "errors.noiseDb")
        .transform((v) => (v ? Number(v) : null))
        .refine((v) => v === null || (v >= 50 && v <= 150), "errors.noiseDb"),
    })
    .superRefine((car, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      const model = findModel(car.model);
      if (car.model === OTHER_MODEL) {
        if (!car.make) issue("make", "errors.makeRequired");
        if (!car.modelName) issue("modelName", "errors.modelNameRequired");
        if (car.year < 1900 || car.year > currentYear + 1) issue("year", "errors.yearInvalid");
        if (car.productionNumber !== null && car.productionNumber > MAX_UNKNOWN_PRODUCTION)
          issue("productionNumber", `errors.productionNumberMax?max=${MAX_UNKNOWN_PRODUCTION}`);
      } else if (!model) {
        issue("model", "errors.modelRequired");
      } else {
        const [from, to] = model.yearsBuilt;
        if (car.year < from || car.year > to) issue("year", `errors.yearOutOfRange?from=${from}&to=${to}`);
        const inPalette = model.colours.some((c) => c.name === car.colour);
        if (car.colour === INDIVIDUAL ? !model.individualPaint : !inPalette)
          issue("colour", "errors.colourNotInPalette");
        const max = model.numberBuilt ?? MAX_UNKNOWN_PRODUCTION;
        if (car.productionNumber !== null && car.productionNumber > max)
          issue("productionNumber", `errors.productionNumberMax?max=${max}`);
      }
      if (car.colour === INDIVIDUAL && !car.individualColour)
        issue("individualColour", "errors.individualColourRequired");
      // The check digit is law in North America only; European VINs often leave position 9 free.
      if (
        (car.plateCountry === "US" || car.plateCountry === "CA") &&
        isVinShape(car.vin) &&
        !hasValidCheckDigit(car.vin)
      ) {
        issue("vin", "errors.vinCheckDigit");
      }
    })
    .transform((car) => ({
      ...car,
      make: car.model === OTHER_MODEL ? car.make! : (findModel(car.model)?.make ?? "BMW"),
      modelName: car.model === OTHER_MODEL ? car.modelName : null,
      individualColour: car.colour === INDIVIDUAL ? car.individualColour : null,
    }));
}

export type CarInput = z.output<ReturnType<typeof carSchema>>;
export const carFields = [
  "model",
  "make",
  "modelName",
  "year",
  "colour",
  "individualColour",
  "vin",
  "productionNumber",
  "plate",
  "plateCountry",
  "nickname",
  "noiseDb",
] as const;
