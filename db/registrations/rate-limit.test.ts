import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/lib/rate-limits";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { registrations } from "../schema";
import { registerCar } from "./writes";

// The register action's rate limit is counted by registerCar (in its reads' batch), not by the action
// before it: these check it still limits, counts refusals, and holds under races.
const LIMIT = "registrationsPerUser";
const { points } = RATE_LIMITS[LIMIT];
const rowsOf = (eventId: string) => db().select().from(registrations).where(eq(registrations.eventId, eventId));

describe("registration attempts of one person within a minute", () => {
  it("refuses the attempt after the limit before writing anything, counting refused attempts too", async () => {
    const { event, sessions } = await openEvent();
    const closed = await openEvent({ registrationOpensAt: new Date(Date.now() + 3 * 24 * 3600_000) });
    const [me] = await ownersWithCars(1, 2);
    const tooEarly = form(closed.event.id, me!.carIds[0]!, [closed.sessions[0]!.id]);
    for (let i = 0; i < points; i++)
      expect(
        await registerCar(me!.ownerId, { ...tooEarly, idempotencyKey: randomUUID() }, { limit: LIMIT }),
      ).toMatchObject({
        ok: false,
        error: "errors.registrationClosed",
      });
    const over = await registerCar(me!.ownerId, form(event.id, me!.carIds[1]!, [sessions[0]!.id]), { limit: LIMIT });
    expect(over).toMatchObject({
      ok: false,
      field: "form",
      error: expect.stringMatching(/^errors\.rateLimited\.seconds\?n=\d+$/),
    });
    expect(await rowsOf(event.id)).toEqual([]);
  });

  it("counts nothing for a caller that names no limit", async () => {
    const { event, sessions } = await openEvent();
    const [me] = await ownersWithCars(1);
    const input = form(event.id, me!.carIds[0]!, [sessions[0]!.id]);
    for (let i = 0; i < points; i++) await registerCar(me!.ownerId, input, { limit: LIMIT });
    expect(await registerCar(me!.ownerId, input)).toMatchObject({ ok: true });
    expect(await registerCar(me!.ownerId, input, { limit: LIMIT })).toMatchObject({ ok: false });
  });

  it("lets exactly the limit's number through when the attempts race", async () => {
    const { event, sessions } = await openEvent();
    const [me] = await ownersWithCars(1);
    const input = form(event.id, me!.carIds[0]!, [sessions[0]!.id]);
    const results = await Promise.all(
      Array.from({ length: points + 5 }, () => registerCar(me!.ownerId, { ...input }, { limit: LIMIT })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(points);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(
      Array.from({ length: 5 }, () => expect.stringMatching(/^errors\.rateLimited\./)),
    );
    expect(await rowsOf(event.id)).toHaveLength(1);
  });
});
