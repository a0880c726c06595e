export type FactoryColour = { name: string; swatch: string };

export type CarModel = {
  code: string;
  make: string;
  model: string;
  generation: string;
  yearsBuilt: [number, number];
  numberBuilt: number | null;
  colours: FactoryColour[];
  individualPaint: boolean;
};

export const INDIVIDUAL = "BMW Individual";

/** Public facts about the models a BMW M club meets with. */
export const catalogue: CarModel[] = [
  {
    code: "bmw-1m-e82",
    make: "BMW",
    model: "1M Coupé",
    generation: "E82",
    yearsBuilt: [2011, 2012],
    numberBuilt: 6309,
    colours: [
      { name: "Valencia Orange", swatch: "#e8630a" },
      { name: "Alpine White", swatch: "#f4f4f0" },
      { name: "Sapphire Black", swatch: "#1b1c20" },
    ],
    individualPaint: true,
  },
];

/** Swatches for BMW Individual paints seen on 1M cars. */
export const individualSwatches: Record<string, string> = {
  "Monte Carlo Blue": "#1f4e8c",
  "Java Green": "#4f9a3a",
  "Frozen Black": "#2a2b2e",
  "Imola Red": "#b3142a",
};

export function findModel(code: string): CarModel | undefined {
  return catalogue.find((m) => m.code === code);
}

/** The swatch for a car's paint, grey when the name is unknown. */
export function swatchFor(colour: string, individualColour?: string | null): string {
  if (colour === INDIVIDUAL) return individualSwatches[individualColour ?? ""] ?? "#8a8f98";
  for (const model of catalogue) {
    const match = model.colours.find((c) => c.name === colour);
    if (match) return match.swatch;
  }
  return "#8a8f98";
}

export function paintName(colour: string, individualColour?: string | null): string {
  return colour === INDIVIDUAL && individualColour ? individualColour : colour;
}
