import { clashes } from "@/lib/clash";

/**
 * An in-memory model of first-come-first-served registration, written from the rules rather than
 * from db/: a place while the session has room, else the end of its waiting list; a freed place
 * goes to the earliest waiting car whose confirmed places do not clash with the session; one live
 * registration per car and event; a choice must be non-empty, clash-free and within the limit.
 */
export type ModelSession = { id: string; startsAt: Date; endsAt: Date; capacity: number };
type Place = { status: "confirmed" | "waiting"; seq: number | null };
type Reg = {
  id: string;
  key: string;
  ownerId: string;
  carId: string;
  status: "active" | "cancelled";
  places: Map<string, Place>;
};
export type Outcome = { ok: true; registrationId: string } | { ok: false; field: string; error: string };
export type Snapshot = Record<
  string,
  { status: string; carId: string; places: { sessionId: string; status: string; position: number | null }[] }
>;

const refuse = (field: string, error: string): Outcome => ({ ok: false, field, error });
const notChangeable = refuse("form", "errors.registrationNotChangeable");

export class RegistrationModel {
  private regs: Reg[] = [];
  private arrivals = 0;
  /** How many waiting cars moved up, so a test can show that its sequences reach promotions. */
  promotions = 0;

  constructor(
    private sessions: ModelSession[],
    private maxPerCar: number | null,
    private carOwner: Map<string, string>,
  ) {}

  /** `newId` names the registration if one is made (the database's id, so the two can be compared). */
  register(userId: string, carId: string, sessionIds: string[], key: string, newId: string): Outcome {
    const replay = this.regs.find((r) => r.key === key);
    if (replay)
      return replay.ownerId === userId
        ? { ok: true, registrationId: replay.id }
        : refuse("form", "errors.formReplayed");
    if (this.carOwner.get(carId) !== userId) return refuse("carId", "errors.carNotYours");
    const choice = this.checkChoice(sessionIds);
    if (choice) return choice;
    if (this.regs.some((r) => r.status === "active" && r.carId === carId))
      return refuse("carId", "errors.carAlreadyRegistered");
    const reg: Reg = { id: newId, key, ownerId: userId, carId, status: "active", places: new Map() };
    this.regs.push(reg);
    for (const s of this.byId(new Set(sessionIds))) this.place(reg, s);
    return { ok: true, registrationId: reg.id };
  }

  changeSessions(userId: string, registrationId: string, sessionIds: string[]): Outcome {
    const reg = this.own(userId, registrationId);
    if (!reg) return notChangeable;
    const choice = this.checkChoice(sessionIds);
    if (choice) return choice;
    const wanted = new Set(sessionIds);
    const touched = new Set([...reg.places.keys()].filter((id) => !wanted.has(id)));
    for (const id of wanted) if (!reg.places.has(id)) touched.add(id);
    for (const s of this.byId(touched)) {
      const place = reg.places.get(s.id);
      if (place) {
        reg.places.delete(s.id);
        if (place.status === "confirmed") this.fill(s);
      } else this.place(reg, s);
    }
    return { ok: true, registrationId };
  }

  cancel(userId: string, registrationId: string): Outcome {
    const reg = this.own(userId, registrationId);
    if (!reg) return notChangeable;
    const held = new Map(reg.places);
    reg.places.clear();
    reg.status = "cancelled";
    for (const s of this.byId(new Set(held.keys()))) if (held.get(s.id)!.status === "confirmed") this.fill(s);
    return { ok: true, registrationId };
  }

  changeCar(userId: string, registrationId: string, carId: string): Outcome {
    const reg = this.own(userId, registrationId);
    if (!reg) return notChangeable;
    if (this.carOwner.get(carId) !== userId) return refuse("carId", "errors.carNotYours");
    if (this.regs.some((r) => r.status === "active" && r.carId === carId && r.id !== reg.id))
      return refuse("carId", "errors.carAlreadyRegistered");
    reg.carId = carId;
    return { ok: true, registrationId };
  }

  ids(): string[] {
    return this.regs.map((r) => r.id);
  }

  ownerOf(registrationId: string): string | undefined {
    return this.regs.find((r) => r.id === registrationId)?.ownerId;
  }

  snapshot(): Snapshot {
    const out: Snapshot = {};
    for (const r of this.regs) {
      const places = this.byId(new Set(r.places.keys())).map((s) => {
        const p = r.places.get(s.id)!;
        return {
          sessionId: s.id,
          status: p.status,
          position: p.status === "waiting" ? this.waitingIn(s.id).indexOf(r) + 1 : null,
        };
      });
      out[r.id] = { status: r.status, carId: r.carId, places };
    }
    return out;
  }

  private own(userId: string, registrationId: string): Reg | undefined {
    return this.regs.find((r) => r.id === registrationId && r.ownerId === userId && r.status === "active");
  }

  private checkChoice(sessionIds: string[]): Outcome | null {
    const chosen = this.sessions.filter((s) => sessionIds.includes(s.id));
    if (chosen.length === 0) return refuse("sessionIds", "errors.sessionsNone");
    if (this.maxPerCar !== null && chosen.length > this.maxPerCar)
      return refuse("sessionIds", "errors.sessionsTooMany");
    if (chosen.some((a, i) => chosen.some((b, j) => j > i && clashes(a, b))))
      return refuse("sessionIds", "errors.sessionsClash");
    return null;
  }

  /** Sessions in the order the database locks them: by id. */
  private byId(ids: Set<string>): ModelSession[] {
    return this.sessions.filter((s) => ids.has(s.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private confirmedIn(sessionId: string): number {
    return this.regs.filter((r) => r.places.get(sessionId)?.status === "confirmed").length;
  }

  private waitingIn(sessionId: string): Reg[] {
    return this.regs
      .filter((r) => r.places.get(sessionId)?.status === "waiting")
      .sort((a, b) => a.places.get(sessionId)!.seq! - b.places.get(sessionId)!.seq!);
  }

  private place(reg: Reg, s: ModelSession) {
    reg.places.set(
      s.id,
      this.confirmedIn(s.id) < s.capacity
        ? { status: "confirmed", seq: null }
        : { status: "waiting", seq: ++this.arrivals },
    );
  }

  private fill(s: ModelSession) {
    let free = s.capacity - this.confirmedIn(s.id);
    for (const r of this.waitingIn(s.id)) {
      if (free <= 0) break;
      const clash = this.sessions.some(
        (o) => o.id !== s.id && r.places.get(o.id)?.status === "confirmed" && clashes(o, s),
      );
      if (clash) continue;
      r.places.set(s.id, { status: "confirmed", seq: null });
      this.promotions++;
      free--;
    }
  }
}
