import { expect, test } from "../fixtures";
import { seedConfirmedCar, seedEvent } from "../fixtures/events";

test.describe("public event pages", () => {
  // Far from Berlin: the programme must still read in the event's time zone.
  test.use({ timezoneId: "America/Los_Angeles" });

  test("/events lists an upcoming published event and leads to it", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    await page.goto("/events");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    const link = page.getByRole("link", { name: new RegExp(event.name) });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/events/${event.slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: event.name })).toBeVisible();
  });

  test("a draft event is neither listed nor shown", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    await sql`update events set status = 'draft' where id = ${event.id}`;
    await page.goto("/events");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(event.name) })).toHaveCount(0);
    const response = await page.goto(`/events/${event.slug}`);
    expect(response?.status()).toBe(404);
  });

  test("an event page shows the programme in Berlin time with counts and places left", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    const [paddock, photo] = event.sessions;
    await seedConfirmedCar(sql, event, [paddock!.id], 1);
    await seedConfirmedCar(sql, event, [paddock!.id, photo!.id], 2);

    await page.goto(`/events/${event.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: event.name })).toBeVisible();
    await expect(page.getByText("2 cars registered", { exact: true })).toBeVisible();

    const weekday = new Date(`${event.day}T00:00:00Z`).toLocaleDateString("en-GB", {
      weekday: "long",
      timeZone: "UTC",
    });
    await expect(page.getByRole("heading", { level: 3, name: new RegExp(weekday) })).toBeVisible();

    const programme = page.getByRole("region", { name: "Programme" });
    const paddockRow = programme.getByRole("listitem").filter({ hasText: "Paddock display" });
    await expect(paddockRow).toContainText("09:00–12:30");
    await expect(paddockRow).toContainText("10 cars");
    await expect(paddockRow).toContainText("8 places left");
    const photoRow = programme.getByRole("listitem").filter({ hasText: "Photo session, GP straight" });
    await expect(photoRow).toContainText("13:30–15:00");
    await expect(photoRow).toContainText("9 places left");

    await expect(page.getByRole("link", { name: "Register a car" })).toBeVisible();
  });

  test("a full session says Full", async ({ page, sql }) => {
    const event = await seedEvent(sql, {
      sessions: [{ name: "GP track session 1", start: "09:00", end: "09:30", capacity: 1 }],
    });
    await seedConfirmedCar(sql, event, [event.sessions[0]!.id], 1);
    await page.goto(`/events/${event.slug}`);
    const row = page
      .getByRole("region", { name: "Programme" })
      .getByRole("listitem")
      .filter({ hasText: "GP track session 1" });
    await expect(row).toContainText("09:00–09:30");
    await expect(row).toContainText("Full");
    await expect(page.getByText("1 car registered", { exact: true })).toBeVisible();
  });
});

test.describe("the events list without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("finds an event by its club and says when nothing matches", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    const suffix = event.slug.replace("e2e-meet-", "");
    await page.goto("/events");
    // The club's name, in other case: the search folds case and accents.
    await page.getByRole("textbox", { name: "Search events" }).fill(`E2E CLUB ${suffix.toUpperCase()}`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/events\?q=E2E/);
    await expect(page.getByRole("link", { name: new RegExp(event.name) })).toHaveCount(1);
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
    await page.getByRole("textbox", { name: "Search events" }).fill(`no such meet ${suffix}`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText(`No upcoming event matches “no such meet ${suffix}”.`)).toBeVisible();
    await page.getByRole("link", { name: "All events" }).click();
    await expect(page).toHaveURL(/\/events$/);
  });
});
