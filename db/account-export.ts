import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "./client";
import {
  authenticators,
  cars,
  eventSessions,
  events,
  registrations,
  registrationSessions,
  signIns,
  users,
  waiverSignatures,
  waiverVersions,
} from "./schema";

/** Everything Ringmeet holds about the user, for "Download my data". */
export async function exportMyData(userId: string) {
  const [profile] = await db()
    .select({
      email: users.email,
      fullName: users.fullName,
      displayName: users.displayName,
      country: users.country,
      phone: users.phone,
      language: users.locale,
      licenceNumber: users.licenceNumber,
      licenceCountry: users.licenceCountry,
      licenceValidUntil: users.licenceValidUntil,
      emergencyName: users.emergencyName,
      emergencyPhone: users.emergencyPhone,
      experience: users.experience,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const myCars = await db().select().from(cars).where(eq(cars.ownerId, userId)).orderBy(asc(cars.createdAt));
  const regs = await db()
    .select({
      id: registrations.id,
      event: events.name,
      eventSlug: events.slug,
      startsOn: events.startsOn,
      status: registrations.status,
      plaque: registrations.plaque,
      carId: registrations.carId,
      secondDriverName: registrations.secondDriverName,
      secondDriverEmail: registrations.secondDriverEmail,
      createdAt: registrations.createdAt,
      cancelledAt: registrations.cancelledAt,
      checkedInAt: registrations.checkedInAt,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.ownerId, userId))
    .orderBy(asc(registrations.createdAt));
  const places = regs.length
    ? await db()
        .select({
          registrationId: registrationSessions.registrationId,
          session: eventSessions.name,
          status: registrationSessions.status,
          startsAt: eventSessions.startsAt,
        })
        .from(registrationSessions)
        .innerJoin(eventSessions, eq(eventSessions.id, registrationSessions.sessionId))
        .where(
          inArray(
            registrationSessions.registrationId,
            regs.map((r) => r.id),
          ),
        )
    : [];
  const history = await db()
    .select({ method: signIns.method, at: signIns.createdAt })
    .from(signIns)
    .where(eq(signIns.userId, userId))
    .orderBy(asc(signIns.createdAt));
  const passkeys = await db()
    .select({ id: authenticators.credentialID, deviceType: authenticators.credentialDeviceType })
    .from(authenticators)
    .where(eq(authenticators.userId, userId));
  // Signed waivers of the user's registrations: the record, and the text's version and hash.
  const waivers = await db()
    .select({
      registrationId: waiverSignatures.registrationId,
      event: events.name,
      signer: waiverSignatures.signer,
      fullName: waiverSignatures.fullName,
      version: waiverVersions.version,
      language: waiverSignatures.language,
      textSha256: waiverSignatures.textSha256,
      drawn: sql<boolean>`${waiverSignatures.signature} is not null`,
      signedAt: waiverSignatures.signedAt,
      ipAddress: waiverSignatures.ipAddress,
      userAgent: waiverSignatures.userAgent,
    })
    .from(waiverSignatures)
    .innerJoin(registrations, eq(registrations.id, waiverSignatures.registrationId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(waiverVersions, eq(waiverVersions.id, waiverSignatures.waiverVersionId))
    .where(eq(registrations.ownerId, userId))
    .orderBy(asc(waiverSignatures.signedAt));
  return {
    exportedAt: new Date().toISOString(),
    profile,
    cars: myCars.map(({ ownerId: _owner, ...car }) => car),
    registrations: regs.map((r) => ({
      ...r,
      sessions: places.filter((p) => p.registrationId === r.id).map(({ registrationId: _r, ...p }) => p),
    })),
    waivers,
    signInHistory: history,
    passkeys,
  };
}
