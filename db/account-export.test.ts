import { describe, expect, it } from "vitest";
import { carOf, ownerWithHistory } from "@/test/account-history";
import { createOwner } from "@/test/owners";
import { exportMyData } from "./account-export";

describe("exportMyData", () => {
  it("returns the profile, cars, registrations with their places, sign-ins and passkeys", async () => {
    const me = await ownerWithHistory("export");
    const secondCar = await carOf(me.owner.id, { colour: "Alpine White" });
    const data = await exportMyData(me.owner.id);

    expect(Date.parse(data.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(data.profile).toEqual({
      email: me.owner.email,
      fullName: "Jonas Müller",
      displayName: "Jonas M.",
      country: "DE",
      phone: "+491512345678",
      language: "de",
      licenceNumber: null,
      licenceCountry: null,
      licenceValidUntil: null,
      emergencyName: null,
      emergencyPhone: null,
      experience: null,
      createdAt: me.owner.createdAt,
    });
    expect(data.waivers).toEqual([]);
    expect(data.cars.map((c) => c.id)).toEqual([me.car.id, secondCar.id]);
    expect(data.cars[0]).toMatchObject({ vin: me.car.vin, plate: "M-RM 1", nickname: "Orange" });
    for (const car of data.cars) expect(car).not.toHaveProperty("ownerId");
    expect(JSON.stringify(data.cars)).not.toContain(me.owner.id);

    expect(data.registrations.map((r) => r.id)).toEqual([me.pastReg.id, me.upcomingReg.id]);
    expect(data.registrations[1]).toMatchObject({
      event: me.upcoming.event.name,
      eventSlug: me.upcoming.event.slug,
      startsOn: me.upcoming.event.startsOn,
      status: "active",
      plaque: 3,
      carId: me.car.id,
      secondDriverName: "Lena Müller",
    });
    expect(data.registrations[1]!.sessions).toEqual([
      { session: me.upcoming.session.name, status: "confirmed", startsAt: me.upcoming.session.startsAt },
    ]);
    expect(data.registrations[0]!.sessions.map((s) => s.session)).toEqual([me.past.session.name]);

    expect(data.signInHistory.map((s) => s.method)).toEqual(["email", "passkey"]);
    expect(data.passkeys).toEqual([{ id: me.passkey, deviceType: "multiDevice" }]);
    expect(JSON.parse(JSON.stringify(data)).profile.email).toBe(me.owner.email);
  });

  it("holds nothing of another user", async () => {
    const me = await createOwner("quiet");
    const other = await ownerWithHistory("busy");
    const data = await exportMyData(me.id);
    expect(data).toMatchObject({ cars: [], registrations: [], signInHistory: [], passkeys: [] });
    expect(JSON.stringify(data)).not.toContain(other.owner.id);
    expect(JSON.stringify(data)).not.toContain(other.car.vin);
  });
});
