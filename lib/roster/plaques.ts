/**
 * Plaque (start number) assignment. A plaque once given is never changed by assignment: it is
 * printed on the car's plaque and in the drivers' mails. Confirmed cars without one get the lowest
 * free numbers (gaps left by cancellations first), handed out in the rule's order.
 */

export type PlaqueRule = "registration-order" | "production-number";
/** Pass every registration of the event that holds a plaque (cancelled ones too: theirs stays taken). */
export type PlaqueCandidate = {
  id: string;
  registeredAt: Date;
  productionNumber: number | null;
  plaque: number | null;
  confirmed: boolean;
};
export type PlaqueAssignment = { id: string; plaque: number };

export const MIN_PLAQUE = 1;
export const MAX_PLAQUE = 9999;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byRegistration(a: PlaqueCandidate, b: PlaqueCandidate): number {
  return a.registeredAt.getTime() - b.registeredAt.getTime() || compareText(a.id, b.id);
}

/** Low production numbers first; cars without one after them, in registration order. */
function byProductionNumber(a: PlaqueCandidate, b: PlaqueCandidate): number {
  if (a.productionNumber !== b.productionNumber) {
    if (a.productionNumber === null) return 1;
    if (b.productionNumber === null) return -1;
    return a.productionNumber - b.productionNumber;
  }
  return byRegistration(a, b);
}

/**
 * The new plaques only, in the order handed out; existing plaques are left as they are.
 * Throws a RangeError when the numbers up to MAX_PLAQUE run out.
 */
export function assignPlaques(registrations: readonly PlaqueCandidate[], rule: PlaqueRule): PlaqueAssignment[] {
  const taken = new Set(registrations.flatMap((r) => (r.plaque === null ? [] : [r.plaque])));
  const waiting = registrations
    .filter((r) => r.confirmed && r.plaque === null)
    .sort(rule === "production-number" ? byProductionNumber : byRegistration);
  const assigned: PlaqueAssignment[] = [];
  let next = MIN_PLAQUE;
  for (const r of waiting) {
    while (taken.has(next)) next++;
    if (next > MAX_PLAQUE) throw new RangeError(`No free plaque number up to ${MAX_PLAQUE}`);
    taken.add(next);
    assigned.push({ id: r.id, plaque: next });
  }
  return assigned;
}

export type PlaqueChangeError = "errors.plaqueRange" | "errors.plaqueTaken";

/**
 * An organiser's manual change: a whole number 1–9999 no other car of the event holds.
 * `currentNumber` is the car's own plaque, which it may keep.
 */
export function validatePlaqueChange(
  newNumber: number,
  takenNumbers: Iterable<number>,
  currentNumber: number | null = null,
): PlaqueChangeError | null {
  if (!Number.isInteger(newNumber) || newNumber < MIN_PLAQUE || newNumber > MAX_PLAQUE) return "errors.plaqueRange";
  if (newNumber === currentNumber) return null;
  for (const n of takenNumbers) if (n === newNumber) return "errors.plaqueTaken";
  return null;
}
