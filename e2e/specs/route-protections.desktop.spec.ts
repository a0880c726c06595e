import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { seedGate } from "../fixtures/check-in";
import { seedEvent } from "../fixtures/events";

const baseURL = process.env.E2E_BASE_URL!;
const sync = (slug: string) => `/organise/events/${slug}/check-in/data`;
const oneCheckIn = (registrationId: string) => ({
  checkIns: [{ clientId: randomUUID(), registrationId, scannedAt: new Date().toISOString(), ticks: [] }],
});

test.describe("state-changing route handlers", () => {
  test("refuse a cross-site request and one that says nothing of its origin, writing nothing", async ({
    page,
    sql,
    loginAs,
  }) => {
    const world = await seedGate(sql, 1);
    await loginAs(page, world.gate);
    const car = world.cars[0]!;
    const forged: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      {},
    ];
    for (const headers of forged) {
      const response = await page.request.post(sync(world.event.slug), {
        headers,
        data: oneCheckIn(car.registrationId),
      });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
    }
    const [before] = await sql<
      { checked_in_at: Date | null }[]
    >`select checked_in_at from registrations where id = ${car.registrationId}`;
    expect(before!.checked_in_at).toBeNull();
    const ours = await page.request.post(sync(world.event.slug), {
      headers: { Origin: new URL(baseURL).origin },
      data: oneCheckIn(car.registrationId),
    });
    expect(ours.status()).toBe(200);
    const [after] = await sql<
      { checked_in_at: Date | null }[]
    >`select checked_in_at from registrations where id = ${car.registrationId}`;
    expect(after!.checked_in_at).toBeInstanceOf(Date);
  });

  test("limit one gate phone's syncs a minute, answering 429 with Retry-After", async ({ page, sql, loginAs }) => {
    const world = await seedGate(sql, 1);
    await loginAs(page, world.gate);
    const send = () =>
      page.request.post(sync(world.event.slug), {
        headers: { Origin: new URL(baseURL).origin },
        data: oneCheckIn(world.cars[0]!.registrationId),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await send()).status());
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const refused = await send();
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  });
});

test.describe("Content-Security-Policy", () => {
  const scriptSrc = (csp: string | undefined) =>
    csp
      ?.split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";

  test("every page but the shared cached event page allows scripts only by nonce", async ({
    page,
    sql,
    signedInPage,
  }) => {
    const event = await seedEvent(sql);
    for (const path of [
      "/",
      "/events",
      "/signin",
      `/events/${event.slug}/draw`,
      `/events/${event.slug}/register`,
      "/garage",
      "/registrations",
      "/account",
      "/organise",
    ]) {
      const response = await signedInPage.request.get(path);
      const src = scriptSrc(response.headers()["content-security-policy"]);
      expect(src, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(src, path).toContain("'strict-dynamic'");
      expect(src, path).not.toContain("'unsafe-inline'");
      expect(src, path).not.toContain("'unsafe-eval'");
    }
    const cached = await page.request.get(`/events/${event.slug}`);
    const csp = cached.headers()["content-security-policy"] ?? "";
    // One shared HTML cannot carry a per-request nonce (docs/SECURITY.md): inline allowed, other origins not.
    expect(scriptSrc(csp)).toBe("script-src 'self' 'unsafe-inline'");
    for (const directive of [
      "default-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    // The shared copy behind the rewrite, asked for directly (as Next does when the rewrite passes
    // through the proxy again): the same policy, and no nonce baked into the one HTML for everybody
    // (one would block every script of a page sent with another nonce, or none).
    for (const path of [`/events/${event.slug}/in/en`, `/events/${event.slug}`]) {
      const shared = await page.request.get(path);
      expect(scriptSrc(shared.headers()["content-security-policy"] ?? ""), path).toBe(
        "script-src 'self' 'unsafe-inline'",
      );
      expect(await shared.text(), path).not.toMatch(/nonce="/);
    }
  });
});
