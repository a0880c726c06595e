export type FactoryColour = { name: string; swatch: string };

export type CarModel = {
  code: string;
  make: string;
  model: string;
  generation: string;
  yearsBuilt: [number, number];
  /** Cars built in all; null where no reliable public figure exists. */
  numberBuilt: number | null;
  colours: FactoryColour[];
  individualPaint: boolean;
};

export const INDIVIDUAL = "BMW Individual";
export const OTHER_MODEL = "other";
const c = (name: string, swatch: string): FactoryColour => ({ name, swatch });

/** Public facts about the models a BMW M coupé club meets with (factory colours abridged). */
export const catalogue: CarModel[] = [
  {
    code: "bmw-1m-e82",
    make: "BMW",
    model: "1M Coupé",
    generation: "E82",
    yearsBuilt: [2011, 2012],
    numberBuilt: 6309,
    colours: [c("Valencia Orange", "#e8630a"), c("Alpine White", "#f4f4f0"), c("Sapphire Black", "#1b1c20")],
    individualPaint: true,
  },
  {
    code: "bmw-m2-f87",
    make: "BMW",
    model: "M2",
    generation: "F87",
    yearsBuilt: [2016, 2021],
    numberBuilt: null,
    colours: [
      c("Long Beach Blue", "#1e6fb8"),
      c("Alpine White", "#f4f4f0"),
      c("Black Sapphire", "#1b1c20"),
      c("Mineral Grey", "#5b6066"),
      c("Hockenheim Silver", "#a9adb1"),
      c("Sunset Orange", "#d9531e"),
      c("Misano Blue", "#2b4f9e"),
    ],
    individualPaint: true,
  },
  {
    code: "bmw-m2-g87",
    make: "BMW",
    model: "M2",
    generation: "G87",
    yearsBuilt: [2023, 2026],
    numberBuilt: null,
    colours: [
      c("Zandvoort Blue", "#2d6db5"),
      c("Toronto Red", "#b0172c"),
      c("Brooklyn Grey", "#7d8084"),
      c("Alpine White", "#f4f4f0"),
      c("Black Sapphire", "#1b1c20"),
      c("São Paulo Yellow", "#f2c200"),
      c("Portimao Blue", "#1f4f9c"),
      c("Skyscraper Grey", "#6e7376"),
    ],
    individualPaint: true,
  },
  {
    code: "bmw-m3-e30",
    make: "BMW",
    model: "M3",
    generation: "E30",
    yearsBuilt: [1986, 1991],
    numberBuilt: 17970,
    colours: [
      c("Alpine White", "#f4f4f0"),
      c("Henna Red", "#b3202a"),
      c("Brilliant Red", "#c8102e"),
      c("Diamond Black", "#1f2024"),
      c("Macao Blue", "#23395b"),
      c("Salmon Silver", "#b8aaa2"),
    ],
    individualPaint: false,
  },
  {
    code: "bmw-m3-e36",
    make: "BMW",
    model: "M3",
    generation: "E36",
    yearsBuilt: [1992, 1999],
    numberBuilt: 71242,
    colours: [
      c("Estoril Blue", "#1d3f8f"),
      c("Techno Violet", "#4b2e6b"),
      c("Dakar Yellow", "#f0c419"),
      c("Alpine White", "#f4f4f0"),
      c("Cosmos Black", "#1b1c20"),
      c("Arctic Silver", "#b5b9bd"),
    ],
    individualPaint: true,
  },
  {
    code: "bmw-m3-e46",
    make: "BMW",
    model: "M3",
    generation: "E46",
    yearsBuilt: [2000, 2006],
    numberBuilt: 85766,
    colours: [
      c("Laguna Seca Blue", "#2e7bc4"),
      c("Phoenix Yellow", "#e9b500"),
      c("Imola Red", "#b3142a"),
      c("Interlagos Blue", "#1f3468"),
      c("Silver Grey", "#9da2a6"),
      c("Jet Black", "#111111"),
      c("Alpine White", "#f4f4f0"),
      c("Titanium Silver", "#b4b8bb"),
    ],
    individualPaint: true,
  },
  {
    code: "bmw-m3-e92",
    make: "BMW",
    model: "M3 Coupé",
    generation: "E92",
    yearsBuilt: [2007, 2013],
    numberBuilt: null,
    colours: [
      c("Jerez Black", "#1d1e22"),
      c("Melbourne Red", "#8e1b24"),
      c("Interlagos Blue", "#1f3468"),
      c("Silverstone", "#9ea3a5"),
      c("Alpine White", "#f4f4f0"),
      c("Le Mans Blue", "#203f7a"),
      c("Space Grey", "#5d6166"),
    ],
    individualPaint: true,
  },
  {
    code: "bmw-m4-f82",
    make: "BMW",
    model: "M4 Coupé",
    generation: "F82",
    yearsBuilt: [2014, 2020],
    numberBuilt: null,
    colours: [
      c("Austin Yellow", "#e5b31b"),
      c("Yas Marina Blue", "#3b8fd0"),
      c("Sakhir Orange", "#d9561b"),
      c("Mineral Grey", "#5b6066"),
      c("Alpine White", "#f4f4f0"),
      c("Black Sapphire", "#1b1c20"),
      c("Silverstone", "#9ea3a5"),
    ],
    individualPaint: true,
  },
  {
    code: "bmw-m4-g82",
    make: "BMW",
    model: "M4 Coupé",
    generation: "G82",
    yearsBuilt: [2021, 2026],
    numberBuilt: null,
    colours: [
      c("Isle of Man Green", "#14594a"),
      c("São Paulo Yellow", "#f2c200"),
      c("Toronto Red", "#b0172c"),
      c("Brooklyn Grey", "#7d8084"),
      c("Skyscraper Grey", "#6e7376"),
      c("Portimao Blue", "#1f4f9c"),
      c("Alpine White", "#f4f4f0"),
      c("Black Sapphire", "#1b1c20"),
    ],
    individualPaint: true,
  },
];

/** Swatches for BMW Individual paints that clubs see most. */
export const individualSwatches: Record<string, string> = {
  "Monte Carlo Blue": "#1f4e8c",
  "Java Green": "#4f9a3a",
  "Frozen Black": "#2a2b2e",
  "Imola Red": "#b3142a",
  "Fire Orange": "#e4571b",
  "Daytona Violet": "#4a2d64",
};

export function findModel(code: string): CarModel | undefined {
  return catalogue.find((m) => m.code === code);
}

export function modelLabel(model: CarModel): string {
  return `${model.make} ${model.model} (${model.generation})`;
}

/** The swatch for a car's paint, grey when the name is unknown. */
export function swatchFor(colour: string, individualColour?: string | null): string {
  if (colour === INDIVIDUAL) return individualSwatches[individualColour ?? ""] ?? "#8a8f98";
  for (const model of catalogue) {
    const match = model.colours.find((col) => col.name === colour);
    if (match) return match.swatch;
  }
  return "#8a8f98";
}

export function paintName(colour: string, individualColour?: string | null): string {
  return colour === INDIVIDUAL && individualColour ? individualColour : colour;
}

/** "BMW 1M Coupé", or the make and model typed in for a car outside the catalogue. */
export function carModelName(car: { model: string; make: string; modelName: string | null }): string {
  const model = findModel(car.model);
  return model ? `${model.make} ${model.model}` : [car.make, car.modelName].filter(Boolean).join(" ");
}
