import { randomBytes } from "node:crypto";
import { createCar } from "@/db/cars";
import { db } from "@/db/client";
import { authenticators, sessions } from "@/db/schema";
import { recordSignIn } from "@/db/users";
import { addDays } from "@/lib/time";
import { createEvent, createOwner, oneM, register, today } from "./owners";

// An owner with something of everything a person keeps here: what the account's export
// (db/account-export.test.ts) lists and its deletion (db/account.test.ts) removes or keeps.

/** A passkey of the user's, as Auth.js's adapter stores one. */
export async function addPasskey(userId: string, deviceType = "singleDevice", backedUp = false) {
  const credentialID = randomBytes(16).toString("base64url");
  await db().insert(authenticators).values({
    credentialID,
    userId,
    providerAccountId: credentialID,
    credentialPublicKey: "pk",
    counter: 0,
    credentialDeviceType: deviceType,
    credentialBackedUp: backedUp,
  });
  return credentialID;
}

export async function carOf(ownerId: string, overrides: Record<string, string> = {}) {
  const created = await createCar(ownerId, oneM(overrides));
  if (!created.ok) throw new Error("create failed");
  return created.car;
}

/** An owner with a car, a sign-in session, a passkey, and registrations for a past and an upcoming event. */
export async function ownerWithHistory(prefix: string) {
  const owner = await createOwner(prefix, {
    fullName: "Jonas Müller",
    displayName: "Jonas M.",
    country: "DE",
    phone: "+491512345678",
    locale: "de",
  });
  const car = await carOf(owner.id, { nickname: "Orange" });
  const past = await createEvent(addDays(today(), -60), addDays(today(), -59));
  const upcoming = await createEvent(addDays(today(), 45), addDays(today(), 46));
  const secondDriver = { secondDriverName: "Lena Müller", secondDriverEmail: `${prefix}-lena@example.test` };
  const pastReg = await register(past.event.id, owner.id, car.id, past.session.id, { plaque: 3, ...secondDriver });
  const upcomingReg = await register(upcoming.event.id, owner.id, car.id, upcoming.session.id, {
    plaque: 3,
    ...secondDriver,
  });
  const sessionToken = randomBytes(16).toString("hex");
  await db()
    .insert(sessions)
    .values({ sessionToken, userId: owner.id, expires: new Date(Date.now() + 86_400_000) });
  const passkey = await addPasskey(owner.id, "multiDevice", true);
  await recordSignIn(owner.id, "email");
  await recordSignIn(owner.id, "passkey");
  return { owner, car, past, upcoming, pastReg, upcomingReg, sessionToken, passkey };
}
