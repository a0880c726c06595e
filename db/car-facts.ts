import "server-only";
import { sql } from "drizzle-orm";
import { carModelName, paintName, swatchFor } from "@/lib/car-catalogue";

/**
 * A registered car's columns as the raw-SQL lists read them (roster, check-in, session lists).
 * Each is null when the car left with its owner's erased account; the registration stays.
 */
export type RawCarFacts = {
  model: string | null;
  make: string | null;
  model_name: string | null;
  colour: string | null;
  individual_colour: string | null;
  plate: string | null;
  plate_country: string | null;
};

/** The columns of RawCarFacts, for a query that joins `cars c`. */
export const carFactsSql = sql`c.model, c.make, c.model_name, c.colour, c.individual_colour, c.plate, c.plate_country`;

/** The car as people read it: "BMW 1M Coupé", "Valencia Orange", its swatch and its plate. */
export function carFacts(r: RawCarFacts) {
  return {
    car: r.model ? carModelName({ model: r.model, make: r.make ?? "", modelName: r.model_name }) : "",
    colour: r.colour ? paintName(r.colour, r.individual_colour) : "",
    swatch: r.colour ? swatchFor(r.colour, r.individual_colour) : "transparent",
    plate: r.plate,
    plateCountry: r.plate_country,
  };
}
