import { zonedMoment } from "@/lib/time";
import { cancelRegistration } from "@/db/registrations/writes";
import { ownersWithCars, registerInOrder } from "./registration";
import { describeCar, rosterEvent, setRegistration } from "./roster";

/** A's row as both readers of the roster show it (the organiser's adds more). */
export const ANNA_ROW = {
  plaque: 1,
  driver: "Anna Zeller",
  car: "BMW 1M Coupé",
  colour: "Valencia Orange",
  plate: "M-AZ 1011",
  status: "confirmed",
} as const;

/**
 * The roster tests' event (db/roster/reads.test.ts, access.test.ts): A, B, C confirmed in the
 * paddock (capacity 3), D and E waiting there in that order; A and D also confirmed in the GP
 * session; F registered for the GP session and cancelled. Plaques 1–4 for A–D, B checked in.
 * A's car has `vin`: VINs are unique across owners, so each test file that builds one names its own.
 */
export async function rosterWorld(vin: string) {
  const world = await rosterEvent([
    { start: "09:00", end: "12:00", capacity: 3 },
    { start: "13:00", end: "14:00", capacity: 5 },
  ]);
  const [paddock, gp] = world.sessions.map((s) => s.id) as [string, string];
  const garages = await ownersWithCars(6);
  const [a, b, c, d, e, f] = await registerInOrder(world.event.id, garages, [
    [paddock, gp],
    [paddock],
    [paddock],
    [paddock, gp],
    [paddock],
    [gp],
  ]);
  const ids = { a: a!, b: b!, c: c!, d: d!, e: e!, f: f! };
  await describeCar(garages[0]!, { fullName: "Anna Zeller", plate: "M-AZ 1011", vin });
  await describeCar(garages[1]!, { fullName: "Bruno Yilmaz", plate: "HH BY 22", colour: "Alpine White" });
  await describeCar(garages[2]!, {
    fullName: "Carla Xu",
    plate: "NL 33-XYZ",
    colour: "BMW Individual",
    individualColour: "Java Green",
  });
  await describeCar(garages[3]!, {
    fullName: "Dieter Weber",
    plate: "K DW 404",
    model: "bmw-m2-f87",
    colour: "Long Beach Blue",
  });
  await describeCar(garages[4]!, { fullName: "Eva Vogel", plate: "B EV 5" });
  await describeCar(garages[5]!, { fullName: "Frank Ulm", plate: "F FU 6" });
  for (const [i, id] of [ids.a, ids.b, ids.c, ids.d].entries()) await setRegistration(id, { plaque: i + 1 });
  await setRegistration(ids.b, { checkedInAt: zonedMoment(world.event.startsOn, "08:17") });
  await cancelRegistration(garages[5]!.ownerId, ids.f);
  return { world, ids, garages };
}
