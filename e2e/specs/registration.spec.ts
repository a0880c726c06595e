import { expect, test } from "../fixtures";
import { seedConfirmedCar, seedEvent } from "../fixtures/events";
import { insertCar, insertNewcomer } from "../fixtures/garage";
import { insertOwner, register, registeredOwner, sessionId, TicketPage } from "../fixtures/registrations";

const PADDOCK = "Paddock display";
const PHOTO = "Photo session, GP straight";
const CLASH_MESSAGE = "Two of the ticked sessions overlap; one car cannot be in both.";

/** The VEVENT blocks of an iCalendar file, folded lines joined. */
const vevents = (ics: string) =>
  ics
    .split("BEGIN:VEVENT")
    .slice(1)
    .map((b) => b.split("END:VEVENT")[0]!.replace(/\r\n[ \t]/g, ""));

const overlapping = [
  { name: "Morning drive", start: "09:00", end: "10:00", capacity: 10 },
  { name: "Track walk", start: "09:30", end: "10:30", capacity: 10 },
  { name: "Photo stop", start: "13:00", end: "14:00", capacity: 10 },
];

test.describe("registering a car", () => {
  test("two sessions: confirmed places, the ticket QR, the calendar and the mail", async ({
    page,
    sql,
    loginAs,
    mailbox,
  }) => {
    const event = await seedEvent(sql);
    const owner = await insertOwner(sql);
    await loginAs(page, owner);
    await page.goto(`/events/${event.slug}/register`);
    await expect(page.getByLabel("Car", { exact: true })).toHaveValue(owner.car.id);
    await register(page, { sessions: [PADDOCK, PHOTO] });

    await expect(page).toHaveURL(/\/registrations\/[0-9a-f-]{36}$/);
    const ticket = new TicketPage(page);
    await ticket.expectPlace(PADDOCK, "Confirmed");
    await ticket.expectPlace(PHOTO, "Confirmed");
    await expect(ticket.qrCode).toBeVisible();
    await expect(page.getByText(owner.car.plate)).toBeVisible();

    const href = await page.getByRole("link", { name: "Add to calendar" }).getAttribute("href");
    const calendar = await page.request.get(href!);
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()["content-type"]).toContain("text/calendar");
    const items = vevents(await calendar.text());
    expect(items).toHaveLength(2);
    expect(items.some((v) => v.includes(`SUMMARY:${PADDOCK}`))).toBe(true);

    const mail = await mailbox.waitForMessage(owner.email);
    expect(mail.subject).toMatch(/^Registration received/);
    expect(mail.links.some((l) => l.endsWith(`/registrations/${ticket.id}`))).toBe(true);
    const places = await sql`select status from registration_sessions where registration_id = ${ticket.id}`;
    expect(places.map((p) => p.status)).toEqual(["confirmed", "confirmed"]);
  });

  test("a full session puts the car on its waiting list, behind those already waiting", async ({
    page,
    sql,
    loginAs,
  }) => {
    const event = await seedEvent(sql, {
      sessions: [
        { name: PADDOCK, start: "09:00", end: "12:30", capacity: 1 },
        { name: PHOTO, start: "13:30", end: "15:00", capacity: 10 },
      ],
    });
    await seedConfirmedCar(sql, event, [sessionId(event, PADDOCK)], 1);
    await registeredOwner(sql, event, [{ sessionId: sessionId(event, PADDOCK), status: "waiting" }]);
    const owner = await insertOwner(sql);
    await loginAs(page, owner);
    await page.goto(`/events/${event.slug}/register`);
    await expect(page.getByRole("checkbox", { name: PADDOCK })).toHaveAccessibleName(/Full: you join the waiting list/);
    await register(page, { sessions: [PADDOCK, PHOTO] });

    const ticket = new TicketPage(page);
    await ticket.expectPlace(PADDOCK, "Waiting list, position 2");
    await ticket.expectPlace(PHOTO, "Confirmed");
    // The calendar holds confirmed sessions only.
    const calendar = await page.request.get(`/registrations/${ticket.id}/calendar.ics`);
    const items = vevents(await calendar.text());
    expect(items).toHaveLength(1);
    expect(items[0]).not.toContain(PADDOCK);
  });

  test("a session that overlaps a ticked one cannot be ticked too", async ({ page, sql, loginAs }) => {
    const event = await seedEvent(sql, { sessions: overlapping });
    await loginAs(page, await insertOwner(sql));
    await page.goto(`/events/${event.slug}/register`);
    const [morning, walk, photo] = overlapping.map((s) => page.getByRole("checkbox", { name: s.name }));
    await morning!.check();
    await expect(walk!).toBeDisabled();
    await expect(photo!).toBeEnabled();
    await morning!.uncheck();
    await expect(walk!).toBeEnabled();
  });

  test("an owner without a full name fills in the profile first and comes back", async ({ page, sql, loginAs }) => {
    const event = await seedEvent(sql);
    const newcomer = await insertNewcomer(sql);
    await insertCar(sql, newcomer.id);
    await loginAs(page, { ...newcomer, fullName: "", displayName: "", country: "" });
    await page.goto(`/events/${event.slug}/register`);
    await expect(page).toHaveURL(/\/account\?returnTo=/);
    await page.getByLabel("Full name").fill("Mia Schneider");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/register$`));
    await register(page, { sessions: [PHOTO] });
    await new TicketPage(page).expectPlace(PHOTO, "Confirmed");
  });
});

test.describe("registering without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form registers the car", async ({ page, sql, loginAs, mailbox }) => {
    const event = await seedEvent(sql);
    const owner = await insertOwner(sql);
    await loginAs(page, owner);
    await page.goto(`/events/${event.slug}/register`);
    await register(page, { sessions: [PHOTO], secondDriver: "Lena Vogel" });
    await expect(page).toHaveURL(/\/registrations\/[0-9a-f-]{36}$/);
    const ticket = new TicketPage(page);
    await ticket.expectPlace(PHOTO, "Confirmed");
    await expect(ticket.place(PADDOCK)).toHaveCount(0);
    await expect(ticket.qrCode).toBeVisible();
    const [row] = await sql`select second_driver_name from registrations where id = ${ticket.id}`;
    expect(row?.second_driver_name).toBe("Lena Vogel");
    expect((await mailbox.waitForMessage(owner.email)).subject).toMatch(/^Registration received/);
  });

  test("two overlapping sessions are refused with the message beside the sessions", async ({ page, sql, loginAs }) => {
    const event = await seedEvent(sql, { sessions: overlapping });
    const owner = await insertOwner(sql);
    await loginAs(page, owner);
    await page.goto(`/events/${event.slug}/register`);
    await register(page, { sessions: ["Morning drive", "Track walk"] });

    await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/register$`));
    const sessions = page.getByRole("group", { name: "Sessions" });
    await expect(sessions).toHaveAccessibleDescription(CLASH_MESSAGE);
    await expect(page.getByText(CLASH_MESSAGE)).toBeVisible();
    // What was ticked stays ticked, to be corrected.
    await expect(page.getByRole("checkbox", { name: "Morning drive" })).toBeChecked();
    const [row] = await sql`select count(*)::int as n from registrations where owner_id = ${owner.id}`;
    expect(row?.n).toBe(0);
  });
});
