import type { APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures";
import { uniqueSuffix } from "../fixtures/db";

// `npm test` starts two app instances on one database, as behind a load balancer: the browser
// works on the first (E2E_BASE_URL), a visitor reads from the second right after each change.
const second = process.env.E2E_SECOND_URL!;
type Request = { get: (url: string, options?: { headers: Record<string, string> }) => Promise<APIResponse> };
// English (the copy at its own address), German (next.config.js's rewrite), and a language only the proxy ranks.
const languages: Record<string, string>[] = [
  {},
  { "accept-language": "de-DE,de;q=0.9" },
  { "accept-language": "fr, de;q=0.5" },
];
const visit = (request: Request, slug: string, headers: Record<string, string> = {}) =>
  request.get(`${second}/events/${slug}`, { headers });

test.describe("a change on one instance is seen on the other at the very next request", () => {
  test("publishing, a programme change and cancelling; a not-found answer is kept by no CDN", async ({
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

    // A draft is not found, on both instances, in every language, and no CDN keeps that answer
    // (Next keeps the shared copy's "not found" until publishing expires it on every instance).
    for (const response of [
      await request.get(`/events/${slug}`),
      ...(await Promise.all(languages.map((headers) => visit(request, slug, headers)))),
      await visit(request, slug),
    ]) {
      expect(response.status()).toBe(404);
      expect(response.headers()["cache-control"] ?? "").toContain("no-store");
      expect(response.headers()["cache-control"] ?? "").not.toMatch(/s-maxage|public/);
    }

    await loginAs(page, account);
    await page.goto(`/organise/events/${slug}/edit`);
    await page.getByRole("button", { name: "Publish event" }).click();
    await expect(page).toHaveURL(/saved=published/);
    for (const headers of languages) {
      const published = await visit(request, slug, headers);
      expect(published.status(), JSON.stringify(headers)).toBe(200);
      expect(await published.text()).toContain(name);
      // The same address answers in each language: a shared cache must key on what picks it.
      expect(published.headers()["vary"] ?? "", JSON.stringify(headers)).toMatch(/Cookie, Accept-Language/);
    }
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
