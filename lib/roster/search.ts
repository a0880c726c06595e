import { plateKey, searchKeyOf } from "../check-in/search";
import { foldForSearch } from "../fold";

/** What a roster search looks for; each part null (or empty) when the query cannot be one. */
export type RosterSearch = {
  plaque: number | null;
  plate: string | null;
  email: string | null;
  vin: string | null;
  words: string[];
};

/**
 * How the roster reads what was typed. A short number ("7", "#42") is a plaque and nothing else:
 * it would otherwise match digits inside every VIN and plate. Names are folded as at the gate
 * (lib/fold.ts), so "muller" and "mueller" find "Müller"; plates ignore spaces and dashes; a VIN
 * is searched from five characters on, an e-mail from three.
 */
export function rosterSearch(q: string): RosterSearch | null {
  const typed = q.trim();
  if (!typed) return null;
  const plaque = /^#?\s*(\d{1,4})$/.exec(typed)?.[1];
  if (/^#?\s*\d{1,3}$/.test(typed)) return { plaque: Number(plaque), plate: null, email: null, vin: null, words: [] };
  const key = plateKey(typed);
  return {
    plaque: plaque ? Number(plaque) : null,
    plate: key.length >= 2 ? key : null,
    email: typed.length >= 3 ? typed : null,
    vin: key.length >= 5 ? key : null,
    words: foldForSearch(typed).split(" ").filter(Boolean),
  };
}

/** Every word typed begins a word of one of the person's names: "schulz", "stef schu", "Müller, Jörg". */
export function namesMatch(words: string[], ...names: (string | null | undefined)[]): boolean {
  if (words.length === 0) return false;
  const known = searchKeyOf(...names).split(" ");
  return words.every((typed) => known.some((word) => word.startsWith(typed)));
}
