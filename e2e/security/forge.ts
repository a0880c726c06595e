import { randomBytes, randomUUID } from "node:crypto";
import type { Scene } from "./scene";

// "Not yours" must look like "not there": the same call with every id and slug of the scene
// swapped for one that does not exist must get the same answer, or the answer leaks existence.

type Forgery = { args: unknown[]; unforge: (text: string) => string };

function identifiers(s: Scene): string[] {
  const ids = [
    s.registration,
    s.otherRegistration,
    s.car,
    s.spareCar,
    s.otherCar,
    s.checklistItem,
    s.passkey,
    s.invitationToken,
    s.lottery.entry,
  ];
  const slugs = [s.event.slug, s.lottery.slug, s.closedLottery.slug, s.club.slug];
  const sessions = [...s.event.sessions, ...s.lottery.sessions, ...s.closedLottery.sessions];
  return [...ids, ...slugs, ...sessions, s.event.id, s.lottery.id, s.closedLottery.id, s.club.id];
}

const lookalike = (value: string) =>
  /^[0-9a-f-]{36}$/.test(value)
    ? randomUUID()
    : /^[\w-]{32}$/.test(value)
      ? randomBytes(24).toString("base64url")
      : `gone-${value}`;

/** `args` with each of `secret` (default: every id and slug of the scene) swapped for a made-up one. */
export function forge(s: Scene, args: unknown[], secret = identifiers(s)): Forgery {
  const swaps = new Map(secret.map((id) => [id, lookalike(id)]));
  const swap = (value: unknown): unknown => {
    if (typeof value === "string") return swaps.get(value) ?? value;
    if (Array.isArray(value)) return value.map(swap);
    // A file (an uploaded statement) goes as it is: its content names no id of the scene.
    if (value instanceof Blob) return value;
    if (value instanceof FormData) {
      const form = new FormData();
      for (const [k, v] of value.entries()) form.append(k, swap(v) as string | Blob);
      return form;
    }
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  const back = [...swaps].map(([real, fake]) => [fake, real] as const);
  return { args: args.map(swap), unforge: (text) => back.reduce((t, [fake, real]) => t.replaceAll(fake, real), text) };
}
