import { INDIVIDUAL } from "@/lib/car-catalogue";
import { vinCheckDigit } from "@/lib/vin";

/** A small deterministic PRNG (mulberry32), so every seed run writes the same demo data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Jonas",
  "Lena",
  "Markus",
  "Sophie",
  "Thomas",
  "Anna",
  "Stefan",
  "Julia",
  "Michael",
  "Laura",
  "Andreas",
  "Katrin",
  "Daniel",
  "Miriam",
  "Florian",
  "Sarah",
  "Tobias",
  "Nina",
  "Sebastian",
  "Eva",
  "Daan",
  "Sanne",
  "Pieter",
  "Lotte",
  "Luc",
  "Elise",
  "Reto",
  "Nadia",
  "James",
  "Emily",
  "Lukas",
  "Greta",
  "Henrik",
  "Marie",
];
const LAST = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Braun",
  "Zimmermann",
  "Krüger",
  "Hartmann",
  "de Vries",
  "Jansen",
  "Peeters",
  "Maes",
  "Keller",
  "Brunner",
  "Taylor",
  "Wilson",
  "Gruber",
  "Huber",
  "Schmit",
  "Weiß",
  "Lange",
  "Vogel",
];

const DE_DISTRICTS = ["AW", "K", "BN", "D", "F", "M", "S", "MYK", "KO", "AC", "HH", "B", "WI", "MZ", "DÜW", "SU"];

function letters(rand: () => number, n: number, alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ") {
  return Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
}
const digits = (rand: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");

/** A plate in the style of its country of registration. */
export function plateFor(country: string, rand: () => number): string {
  switch (country) {
    case "NL":
      return `${digits(rand, 2)}-${letters(rand, 3)}-${digits(rand, 1)}`;
    case "BE":
      return `1-${letters(rand, 3)}-${digits(rand, 3)}`;
    case "CH":
      return `${["ZH", "BE", "LU", "AG"][Math.floor(rand() * 4)]} ${digits(rand, 6)}`;
    case "GB":
      return `${letters(rand, 2)}11 ${letters(rand, 3)}`;
    case "AT":
      return `W-${digits(rand, 5)}${letters(rand, 1)}`;
    case "LU":
      return `${letters(rand, 2)} ${digits(rand, 4)}`;
    default:
      return `${DE_DISTRICTS[Math.floor(rand() * DE_DISTRICTS.length)]}-${letters(rand, 2)} ${1 + Math.floor(rand() * 999)}`;
  }
}

const COUNTRIES = ["DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "NL", "NL", "BE", "CH", "GB", "AT", "LU"];
const INDIVIDUALS = ["Monte Carlo Blue", "Java Green", "Frozen Black", "Imola Red"];

export type DemoOwner = {
  email: string;
  fullName: string;
  displayName: string;
  country: string;
  car: {
    year: number;
    colour: string;
    individualColour: string | null;
    vin: string;
    productionNumber: number;
    plate: string;
    plateCountry: string;
  };
};

/** BMW 1M VINs: WBSUR9C5 + check digit + model year (B 2011, C 2012) + plant + serial. */
function vinFor(year: number, serial: number): string {
  const draft = `WBSUR9C50${year === 2011 ? "B" : "C"}E${String(700000 + serial).padStart(6, "0")}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

export function demoOwners(count: number): DemoOwner[] {
  const rand = prng(1_2011);
  const used = new Set<number>();
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!;
    const plateCountry = COUNTRIES[Math.floor(rand() * COUNTRIES.length)]!;
    const roll = rand();
    const colour =
      i % 19 === 7 ? INDIVIDUAL : roll < 0.45 ? "Valencia Orange" : roll < 0.75 ? "Alpine White" : "Sapphire Black";
    let productionNumber = 1 + Math.floor(rand() * 6309);
    while (used.has(productionNumber)) productionNumber = (productionNumber % 6309) + 1;
    used.add(productionNumber);
    const year = rand() < 0.8 ? 2011 : 2012;
    return {
      email: `owner${String(i + 1).padStart(3, "0")}@ringmeet.test`,
      fullName: `${first} ${last}`,
      displayName: `${first} ${last[0]}.`,
      country: plateCountry,
      car: {
        year,
        colour,
        individualColour: colour === INDIVIDUAL ? INDIVIDUALS[i % INDIVIDUALS.length]! : null,
        vin: vinFor(year, productionNumber),
        productionNumber,
        plate: plateFor(plateCountry, rand),
        plateCountry,
      },
    };
  });
}
