import { expect, test } from "../fixtures";
import { dayFromToday, seedConfirmedCar, seedEvent } from "../fixtures/events";
import { SiteHeader } from "../pages/site-header";

/** The last Sunday of October (Berlin leaves summer time that night) that is still ahead. */
function lastSundayOfOctober(): string {
  const now = new Date();
  for (let year = now.getUTCFullYear(); ; year++) {
    const day = new Date(Date.UTC(year, 9, 31));
    day.setUTCDate(31 - day.getUTCDay());
    if (day > now) return day.toISOString().slice(0, 10);
  }
}

/** The VEVENT blocks of an iCalendar file, folded lines joined. */
function vevents(ics: string): string[] {
  return ics
    .split("BEGIN:VEVENT")
    .slice(1)
    .map((block) => block.split("END:VEVENT")[0]!.replace(/\r\n[ \t]/g, ""));
}

const utc = (day: string, clock: string) => `${day.replaceAll("-", "")}T${clock.replace(":", "")}00Z`;

test.describe("public event page", () => {
  test("counts update on an open page without a reload", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    const [paddock] = event.sessions;
    await page.goto(`/events/${event.slug}`);
    await expect(page.getByText("0 cars registered", { exact: true })).toBeVisible();
    const row = page
      .getByRole("region", { name: "Programme" })
      .getByRole("listitem")
      .filter({ hasText: "Paddock display" });
    await expect(row).toContainText("10 places left");
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    // A registration written straight to the database: nothing revalidates the cached HTML, so
    // only the live counts (polled every few seconds) can show it.
    await seedConfirmedCar(sql, event, [paddock!.id], 1);

    await expect(page.getByText("1 car registered", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(row).toContainText("9 places left");
    await expect(page.getByRole("list", { name: "Colours" })).toContainText("Valencia Orange");
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  test("the counts route answers counts and nothing personal", async ({ request, sql }) => {
    const event = await seedEvent(sql);
    await seedConfirmedCar(sql, event, [event.sessions[0]!.id], 7);
    const response = await request.get(`/api/events/${event.slug}/counts`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.carsRegistered).toBe(1);
    expect(body.sessions).toContainEqual({
      id: event.sessions[0]!.id,
      confirmed: 1,
      capacity: 10,
      placesLeft: 9,
      waiting: 0,
    });
    expect(body.countries).toEqual([{ country: "DE", cars: 1 }]);
    expect(JSON.stringify(body)).not.toMatch(/E2E 7|Test Driver|@ringmeet\.test/);
    expect((await request.get("/api/events/no-such-event/counts")).status()).toBe(404);
  });

  test("a signed-in visitor sees Sign out on the cached page", async ({ signedInPage: page, sql }) => {
    const event = await seedEvent(sql);
    await page.goto(`/events/${event.slug}`);
    const header = new SiteHeader(page);
    await header.openMenuIfCollapsed();
    await expect(header.signOutButton).toBeVisible();
    await expect(header.signInLink).toHaveCount(0);
  });

  test("the language switch works on the cached page", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    await page.goto(`/events/${event.slug}`);
    await new SiteHeader(page).languageButton("Deutsch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByText("0 Autos angemeldet", { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("link", { name: "Auto anmelden" })).toBeVisible();
  });

  test("a German browser gets the page in German", async ({ browser, sql }) => {
    const event = await seedEvent(sql);
    const context = await browser.newContext({ locale: "de-DE" });
    try {
      const page = await context.newPage();
      await page.goto(`${process.env.E2E_BASE_URL}/events/${event.slug}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expect(page.getByText("0 Autos angemeldet", { exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "Auto anmelden" })).toBeVisible();

      // Leaving the cached page keeps the visitor's language in the root layout too.
      await (await new SiteHeader(page, "de").navLink("Veranstaltungen")).click();
      await expect(page.getByRole("heading", { level: 1, name: "Veranstaltungen" })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
    } finally {
      await context.close();
    }
  });

  test("the page and /events carry Open Graph tags with the name and dates", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    await page.goto(`/events/${event.slug}`);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", event.name);
    const year = event.day.slice(0, 4);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      "content",
      new RegExp(`${year}.*Nürburgring`),
    );
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
    await page.goto("/events");
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Events");
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /.+/);
  });
});

test.describe("public event page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("is complete: counts, places left, colours and the register link", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    const [paddock, photo] = event.sessions;
    await seedConfirmedCar(sql, event, [paddock!.id], 1);
    await seedConfirmedCar(sql, event, [paddock!.id, photo!.id], 2);
    await page.goto(`/events/${event.slug}`);
    await expect(page.getByText("2 cars registered", { exact: true })).toBeVisible();
    const programme = page.getByRole("region", { name: "Programme" });
    await expect(programme.getByRole("listitem").filter({ hasText: "Paddock display" })).toContainText("8 places left");
    await expect(programme.getByRole("listitem").filter({ hasText: "Photo session, GP straight" })).toContainText(
      "9 places left",
    );
    await expect(page.getByRole("list", { name: "Colours" }).getByRole("listitem")).toContainText(["Valencia Orange"]);
    await expect(page.getByRole("link", { name: "Register a car" })).toBeVisible();
    await expect(new SiteHeader(page).signInLink).toBeVisible();
  });

  test("the language switch turns the cached page German and back", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    await page.goto(`/events/${event.slug}`);
    await new SiteHeader(page).languageButton("Deutsch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("link", { name: "Auto anmelden" })).toBeVisible();
    await page.goto(`/events/${event.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await new SiteHeader(page, "de").languageButton("English").click();
    await expect(page.getByRole("link", { name: "Register a car" })).toBeVisible();
  });
});

test.describe("calendar.ics", () => {
  test("has one VEVENT per session, in UTC, across the end of summer time", async ({ request, sql }) => {
    const day = lastSundayOfOctober();
    const event = await seedEvent(sql, {
      day,
      sessions: [
        // 01:00–01:45 is still summer time (UTC+2); 09:00 is after the clocks went back (UTC+1).
        { name: "Night photo session", start: "01:00", end: "01:45", capacity: 20 },
        { name: "GP track session 1", start: "09:00", end: "09:30", capacity: 30 },
      ],
    });
    const response = await request.get(`/events/${event.slug}/calendar.ics`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const blocks = vevents(await response.text());
    expect(blocks).toHaveLength(2);
    const night = blocks.find((b) => b.includes("SUMMARY:Night photo session"))!;
    const track = blocks.find((b) => b.includes("SUMMARY:GP track session 1"))!;
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(night).toContain(`DTSTART:${utc(dayBefore, "23:00")}`);
    expect(night).toContain(`DTEND:${utc(dayBefore, "23:45")}`);
    expect(track).toContain(`DTSTART:${utc(day, "08:00")}`);
    expect(track).toContain(`DTEND:${utc(day, "08:30")}`);
    const uids = blocks.map((b) => /UID:(.+)/.exec(b)![1]!.trim());
    expect(new Set(uids).size).toBe(2);
    expect(uids).toContain(`${event.sessions[1]!.id}@ringmeet`);
  });

  test("gives summer sessions two hours back", async ({ request, sql }) => {
    const day = `${Number(dayFromToday(0).slice(0, 4)) + 1}-07-04`;
    const event = await seedEvent(sql, {
      day,
      sessions: [{ name: "Paddock display", start: "09:00", end: "12:30", capacity: 10 }],
    });
    const [block] = vevents(await (await request.get(`/events/${event.slug}/calendar.ics`)).text());
    expect(block).toContain(`DTSTART:${utc(day, "07:00")}`);
    expect(block).toContain(`DTEND:${utc(day, "10:30")}`);
  });

  test("is 404 for a draft or unknown event", async ({ request, sql }) => {
    const event = await seedEvent(sql);
    await sql`update events set status = 'draft' where id = ${event.id}`;
    expect((await request.get(`/events/${event.slug}/calendar.ics`)).status()).toBe(404);
    expect((await request.get("/events/no-such-event/calendar.ics")).status()).toBe(404);
  });
});
