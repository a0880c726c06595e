import type { APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures";
import { uniqueSuffix } from "../fixtures/db";

// `npm test` starts two app instances on one database, as behind a load balancer: the browser
// works on the first (E2E_BASE_URL), a visitor reads from the second right after each change.
const second = process.env.E2E_SECOND_URL!;
const visit = (request: { get: (url: string) => Promise<APIResponse> }, slug: string) =>
  request.get(`${second}/events/${slug}`);

test.describe("a change on one instance is seen on the other at the very next request", () => {
  test("publishing, a programme change and cancelling; a not-found answer is never shared", async ({
    page,
    request,
    sql,
    account,
    loginAs,
  }) => {
    const suffix = uniqueSuffix();
    const name = `Two Instances ${suffix}`;
    const [club] = await sql<
      { id: string }[]
    >`insert into clubs (name, slug) values (${`Twin Club ${suffix}`}, ${`twin-club-${suffix}`}) returning id`;
    await sql`insert into club_members (club_id, user_id, role) values (${club!.id}, ${account.id}, 'admin')`;
    const slug = `twin-${suffix}`;
    const [event] = await sql<{ id: string }[]>`
      insert into events (club_id, slug, name, starts_on, ends_on, registration_opens_at, registration_closes_at, status)
      values (${club!.id}, ${slug}, ${name}, '2031-07-12', '2031-07-12', now(), '2031-07-01', 'draft') returning id`;
    await sql`insert into event_sessions (event_id, name, kind, starts_at, ends_at, capacity)
      values (${event!.id}, 'Paddock display', 'paddock', '2031-07-12 07:00Z', '2031-07-12 10:00Z', 40)`;

    // A draft is not found, on both instances, and that answer is neither cached here nor by a CDN.
    for (const response of [
      await request.get(`/events/${slug}`),
      await visit(request, slug),
      await visit(request, slug),
    ]) {
      expect(response.status()).toBe(404);
      expect(response.headers()["cache-control"] ?? "").not.toMatch(/s-maxage|public/);
      expect(response.headers()["x-nextjs-cache"]).toBeUndefined();
    }

    await loginAs(page, account);
    await page.goto(`/organise/events/${slug}/edit`);
    await page.getByRole("button", { name: "Publish event" }).click();
    await expect(page).toHaveURL(/saved=published/);
    const published = await visit(request, slug);
    expect(published.status()).toBe(200);
    expect(await published.text()).toContain(name);
    expect((await visit(request, slug)).headers()["x-nextjs-cache"]).toBe("HIT");

    await page.getByRole("group", { name: "Session 1" }).getByLabel("Session name").fill(`Photo call ${suffix}`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(/saved=1/);
    const renamed = await (await visit(request, slug)).text();
    expect(renamed).toContain(`Photo call ${suffix}`);
    expect(renamed).not.toContain("Paddock display");

    await page.goto(`/organise/events/${slug}/edit?cancel=1`);
    await page.getByRole("button", { name: "Yes, cancel the event" }).click();
    await expect(page).toHaveURL(/saved=cancelled/);
    expect(await (await visit(request, slug)).text()).toContain("This event is cancelled.");
  });
});
