import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDays, zonedMoment } from "@/lib/time";
import { createEvent, createOwner, oneM, register, today } from "@/test/owners";
import { uniqueVin } from "@/test/garage";
import { createCar, deleteCar, getCar, listCars, updateCar } from "./cars";
import { db } from "./client";
import { cars, registrations } from "./schema";

async function ownerWithCar(overrides: Record<string, string | undefined> = {}) {
  const owner = await createOwner("garage");
  const created = await createCar(owner.id, oneM(overrides));
  if (!created.ok) throw new Error(`could not create the car: ${JSON.stringify(created)}`);
  return { owner, car: created.car };
}

describe("the owner's garage", () => {
  it("creates, lists, reads, updates and deletes the owner's cars", async () => {
    const owner = await createOwner("crud");
    const vin = uniqueVin();
    const first = await createCar(owner.id, oneM({ vin, nickname: "Orange" }));
    expect(first).toMatchObject({
      ok: true,
      car: {
        ownerId: owner.id,
        model: "bmw-1m-e82",
        make: "BMW",
        vin,
        plate: "M-RM 1",
        nickname: "Orange",
        productionNumber: 1234,
      },
    });
    const second = await createCar(owner.id, oneM({ colour: "Alpine White", year: "2012" }));
    if (!first.ok || !second.ok) throw new Error("create failed");

    expect((await listCars(owner.id)).map((c) => c.id)).toEqual([first.car.id, second.car.id]);
    expect(await getCar(owner.id, first.car.id)).toEqual(first.car);

    const updated = await updateCar(
      owner.id,
      first.car.id,
      oneM({ vin, colour: "Sapphire Black", plate: "k-xy 9", productionNumber: "" }),
    );
    expect(updated).toMatchObject({
      ok: true,
      car: { id: first.car.id, colour: "Sapphire Black", plate: "K-XY 9", productionNumber: null, vin },
    });
    expect((await getCar(owner.id, first.car.id))?.colour).toBe("Sapphire Black");

    expect(await deleteCar(owner.id, first.car.id)).toEqual({ ok: true });
    expect(await getCar(owner.id, first.car.id)).toBeNull();
    expect((await listCars(owner.id)).map((c) => c.id)).toEqual([second.car.id]);
    expect(await deleteCar(owner.id, first.car.id)).toBeNull();
  });

  it("lists nobody else's cars", async () => {
    const { owner, car } = await ownerWithCar();
    const stranger = await createOwner("stranger");
    expect(await listCars(stranger.id)).toEqual([]);
    expect((await listCars(owner.id)).map((c) => c.id)).toEqual([car.id]);
  });

  it("treats another owner's car exactly like a missing one", async () => {
    const { owner, car } = await ownerWithCar();
    const intruder = await createOwner("intruder");
    expect(await getCar(intruder.id, car.id)).toBeNull();
    expect(await updateCar(intruder.id, car.id, oneM({ plate: "HACKED 1" }))).toBeNull();
    expect(await deleteCar(intruder.id, car.id)).toBeNull();
    const missing = randomUUID();
    expect(await updateCar(intruder.id, missing, oneM())).toBeNull();
    expect(await deleteCar(intruder.id, missing)).toBeNull();
    expect(await getCar(owner.id, car.id)).toEqual(car);
  });

  it.each(["not-a-uuid", "", "1; drop table cars", `${randomUUID()}x`])(
    "reads the malformed id %j as not found",
    async (id) => {
      const { owner } = await ownerWithCar();
      expect(await getCar(owner.id, id)).toBeNull();
      expect(await updateCar(owner.id, id, oneM())).toBeNull();
      expect(await deleteCar(owner.id, id)).toBeNull();
    },
  );

  it("refuses a VIN another owner has, without saying whose it is", async () => {
    const { owner, car } = await ownerWithCar();
    const second = await createOwner("claimant");
    const taken = await createCar(second.id, oneM({ vin: car.vin!.toLowerCase() }));
    expect(taken).toEqual({ ok: false, field: "vin", error: "errors.vinTaken" });
    for (const secret of [owner.id, owner.email!, car.id, car.plate])
      expect(JSON.stringify(taken)).not.toContain(secret);
    expect(await listCars(second.id)).toEqual([]);

    const own = await createCar(second.id, oneM());
    if (!own.ok) throw new Error("create failed");
    expect(await updateCar(second.id, own.car.id, oneM({ vin: car.vin! }))).toEqual({
      ok: false,
      field: "vin",
      error: "errors.vinTaken",
    });
    expect(await updateCar(owner.id, car.id, oneM({ vin: car.vin!, nickname: "Same VIN" }))).toMatchObject({
      ok: true,
      car: { nickname: "Same VIN" },
    });
  });
});

describe("deleteCar and registrations", () => {
  it("keeps a car registered for an event that has not ended", async () => {
    const { owner, car } = await ownerWithCar();
    const { event, session } = await createEvent(addDays(today(), 30), addDays(today(), 31));
    await register(event.id, owner.id, car.id, session.id);
    expect(await deleteCar(owner.id, car.id)).toEqual({ ok: false, error: "errors.carHasUpcomingRegistration" });
    expect(await getCar(owner.id, car.id)).not.toBeNull();
  });

  it("keeps a car registered for an event running today", async () => {
    const { owner, car } = await ownerWithCar();
    const { event } = await createEvent(addDays(today(), -1), today());
    await register(event.id, owner.id, car.id);
    expect(await deleteCar(owner.id, car.id)).toEqual({ ok: false, error: "errors.carHasUpcomingRegistration" });
  });

  it("decides by the calendar day in Europe/Berlin, not the server's zone", async () => {
    const { owner, car } = await ownerWithCar();
    const { event } = await createEvent("2031-06-09", "2031-06-10");
    await register(event.id, owner.id, car.id);
    // 23:59 on the last day in Berlin is still the event; one minute later it is over.
    expect(await deleteCar(owner.id, car.id, zonedMoment("2031-06-10", "23:59"))).toEqual({
      ok: false,
      error: "errors.carHasUpcomingRegistration",
    });
    expect(await deleteCar(owner.id, car.id, zonedMoment("2031-06-11", "00:00"))).toEqual({ ok: true });
  });

  it("deletes a car whose only registration is past, keeping that registration without the car", async () => {
    const { owner, car } = await ownerWithCar();
    const { event, session } = await createEvent(addDays(today(), -40), addDays(today(), -39));
    const past = await register(event.id, owner.id, car.id, session.id, { plaque: 7 });
    expect(await deleteCar(owner.id, car.id)).toEqual({ ok: true });
    expect(await db().select().from(cars).where(eq(cars.id, car.id))).toEqual([]);
    const [kept] = await db().select().from(registrations).where(eq(registrations.id, past.id));
    expect(kept).toMatchObject({ id: past.id, carId: null, ownerId: owner.id, status: "active", plaque: 7 });
  });

  it("deletes a car whose upcoming registration was cancelled, or whose event was", async () => {
    const { owner, car } = await ownerWithCar();
    const { event } = await createEvent(addDays(today(), 20));
    await register(event.id, owner.id, car.id, undefined, { status: "cancelled", cancelledAt: new Date() });
    expect(await deleteCar(owner.id, car.id)).toEqual({ ok: true });

    const other = await ownerWithCar();
    const cancelled = await createEvent(addDays(today(), 20), addDays(today(), 20), "cancelled");
    await register(cancelled.event.id, other.owner.id, other.car.id);
    expect(await deleteCar(other.owner.id, other.car.id)).toEqual({ ok: true });
  });
});
