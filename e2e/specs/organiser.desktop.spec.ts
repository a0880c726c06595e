import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { uniqueSuffix } from "../fixtures/db";

type Row = { name: string; kind: string; day: string; start: string; end: string; capacity: string };

async function fillSession(page: Page, n: number, s: Row) {
  const row = page.getByRole("group", { name: `Session ${n}` });
  await row.getByLabel("Session name").fill(s.name);
  await row.getByLabel("Kind").selectOption(s.kind);
  await row.getByLabel("Day", { exact: true }).fill(s.day);
  await row.getByLabel("Start time").fill(s.start);
  await row.getByLabel("End time").fill(s.end);
  await row.getByLabel("Capacity").fill(s.capacity);
}

test("an organiser creates a club and an event with three sessions on two days, and publishes it", async ({
  page,
  browser,
  account,
  loginAs,
}) => {
  test.setTimeout(90_000); // a long journey: two forms, four server round trips, a second browser
  const suffix = uniqueSuffix();
  await loginAs(page, account);
  await page.goto("/organise/clubs/new");
  await page.getByLabel("Club name").fill(`E2E Club ${suffix}`);
  await page.getByRole("button", { name: "Create club" }).click();
  await expect(page.getByRole("heading", { name: `E2E Club ${suffix}` })).toBeVisible();

  // The club's page leads on to its first event, with the club chosen.
  await page.getByRole("link", { name: "New event" }).click();
  await expect(page).toHaveURL(/\/organise\/events\/new\?club=e2e-club-/);
  await expect(page.getByLabel("Club", { exact: true }).locator("option:checked")).toHaveText(`E2E Club ${suffix}`);
  const name = `Spring Sprint ${suffix}`;
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Starts on").fill("2031-10-25");
  await page.getByLabel("Ends on").fill("2031-10-26");
  await page.getByLabel("Registration opens").fill("2031-09-01T09:00");
  await page.getByLabel("Registration closes").fill("2031-10-20T18:00");
  await fillSession(page, 1, {
    name: "Paddock display",
    kind: "paddock",
    day: "2031-10-25",
    start: "09:00",
    end: "12:30",
    capacity: "50",
  });
  await page.getByRole("button", { name: "Add session" }).click();
  await fillSession(page, 2, {
    name: "Corso",
    kind: "parade",
    day: "2031-10-25",
    start: "18:00",
    end: "19:00",
    capacity: "40",
  });
  await page.getByRole("button", { name: "Add session" }).click();
  await fillSession(page, 3, {
    name: "GP track session",
    kind: "gp_track",
    day: "2031-10-26",
    start: "09:30",
    end: "10:00",
    capacity: "20",
  });
  await page.getByRole("button", { name: "Publish event" }).click();
  await expect(page).toHaveURL(/\/organise\/events\/[a-z0-9-]+\/edit\?saved=published/, { timeout: 30_000 });
  const slug = new URL(page.url()).pathname.split("/")[3]!;

  // A signed-out phone in another time zone sees the Europe/Berlin times.
  const phone = await browser.newContext({
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
    timezoneId: "America/Los_Angeles",
    locale: "en-GB",
  });
  const visitor = await phone.newPage();
  await visitor.goto(`/events/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name })).toBeVisible();
  for (const [session, times] of [
    ["Paddock display", "09:00–12:30"],
    ["Corso", "18:00–19:00"],
    ["GP track session", "09:30–10:00"],
  ] as const) {
    await expect(visitor.getByText(session, { exact: true })).toBeVisible();
    await expect(visitor.getByText(times)).toBeVisible();
  }
  await phone.close();
});

test("gate staff cannot edit an event", async ({ page, sql, account, newUser, loginAs }) => {
  const suffix = uniqueSuffix();
  const admin = await newUser();
  const [club] = await sql<
    { id: string }[]
  >`insert into clubs (name, slug) values (${`Gate Club ${suffix}`}, ${`gate-club-${suffix}`}) returning id`;
  await sql`insert into club_members (club_id, user_id, role) values (${club!.id}, ${admin.id}, 'admin'), (${club!.id}, ${account.id}, 'gate')`;
  await sql`insert into events (club_id, slug, name, starts_on, ends_on, registration_opens_at, registration_closes_at, status)
    values (${club!.id}, ${`gate-${suffix}`}, ${`Gate Meet ${suffix}`}, '2031-06-14', '2031-06-15', now(), now() + interval '30 days', 'published')`;
  await loginAs(page, account);
  const response = await page.goto(`/organise/events/gate-${suffix}/edit`);
  expect(response?.status()).toBe(404);
  await page.goto("/organise");
  await expect(page.getByText(`Gate Meet ${suffix}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
});

test("the event form says the real rule and keeps typing within the limits", async ({
  page,
  sql,
  account,
  loginAs,
}) => {
  const suffix = uniqueSuffix();
  const [club] = await sql<
    { id: string }[]
  >`insert into clubs (name, slug) values (${`Limit Club ${suffix}`}, ${`limit-club-${suffix}`}) returning id`;
  await sql`insert into club_members (club_id, user_id, role) values (${club!.id}, ${account.id}, 'admin')`;
  await loginAs(page, account);
  await page.goto("/organise/events/new");
  await expect(page.getByLabel("Event name")).toHaveAttribute("maxlength", "120");
  await expect(page.getByRole("group", { name: "Session 1" }).getByLabel("Session name")).toHaveAttribute(
    "maxlength",
    "80",
  );
  await page.getByLabel("Event name").fill(`Limits ${suffix}`);
  await page.getByRole("group", { name: "Session 1" }).getByLabel("Session name").fill("X");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
  // "Add session" starts the new row with the kind of the row before it.
  await page.getByRole("group", { name: "Session 1" }).getByLabel("Kind").selectOption("gp_track");
  await page.getByRole("button", { name: "Add session" }).click();
  await expect(page.getByRole("group", { name: "Session 2" }).getByLabel("Kind")).toHaveValue("gp_track");
});
