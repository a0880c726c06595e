import type { Scene } from "./scene";

// Real ids of a scene as «name» placeholders: generated inputs name them, the sender fills them in.

export const REF_NAMES = [
  "registration",
  "otherRegistration",
  "car",
  "spareCar",
  "otherCar",
  "eventId",
  "eventSlug",
  "session0",
  "session1",
  "session2",
  "lotteryId",
  "lotterySlug",
  "lotterySession",
  "entry",
  "closedLotteryId",
  "closedLotterySlug",
  "closedSession",
  "clubId",
  "clubSlug",
  "otherClubSlug",
  "checklistItem",
  "passkey",
  "invitationToken",
  "ticket",
  "ownerId",
  "gateId",
  "ownerEmail",
  "drawnSlug",
  "drawRun",
  "failedMail",
] as const;
type RefName = (typeof REF_NAMES)[number];

export const REFS: readonly string[] = REF_NAMES.map((n) => `«${n}»`);

function refsOf(s: Scene): Record<RefName, string> {
  return {
    registration: s.registration,
    otherRegistration: s.otherRegistration,
    car: s.car,
    spareCar: s.spareCar,
    otherCar: s.otherCar,
    eventId: s.event.id,
    eventSlug: s.event.slug,
    session0: s.event.sessions[0]!,
    session1: s.event.sessions[1]!,
    session2: s.event.sessions[2]!,
    lotteryId: s.lottery.id,
    lotterySlug: s.lottery.slug,
    lotterySession: s.lottery.sessions[0]!,
    entry: s.lottery.entry,
    closedLotteryId: s.closedLottery.id,
    closedLotterySlug: s.closedLottery.slug,
    closedSession: s.closedLottery.sessions[0]!,
    clubId: s.club.id,
    clubSlug: s.club.slug,
    otherClubSlug: s.otherClub.slug,
    checklistItem: s.checklistItem,
    passkey: s.passkey,
    invitationToken: s.invitationToken,
    ticket: s.ticket,
    ownerId: s.people.owner.id,
    gateId: s.people.gate.id,
    ownerEmail: s.people.owner.email,
    drawnSlug: s.drawn.slug,
    drawRun: s.drawn.runId,
    failedMail: s.failedMail,
  };
}

/** `value` with every «name» (in strings, arrays, objects and forms) replaced by the scene's id. */
export function resolve<T>(value: T, s: Scene): T {
  const refs = refsOf(s);
  const text = (t: string) =>
    t.replace(/«(\w+)»/g, (whole, name: string) => (name in refs ? refs[name as RefName] : whole));
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof FormData) {
      const form = new FormData();
      for (const [k, x] of v.entries()) form.append(text(k), typeof x === "string" ? text(x) : x);
      return form;
    }
    // Rebuilt as plain objects (fast-check may make null-prototype ones, which React's encoder refuses).
    if (v && typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v)))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}
