import { expect, test } from "../fixtures";
import { seedEvent, type SeededEvent } from "../fixtures/events";
import { insertCar } from "../fixtures/garage";
import { registeredOwner, sessionId, TicketPage } from "../fixtures/registrations";

const PADDOCK = "Paddock display";
const PHOTO = "Photo session, GP straight";

/** Paddock display with one place, the photo session with ten. */
const tightEvent = (sql: Parameters<typeof seedEvent>[0]): Promise<SeededEvent> =>
  seedEvent(sql, {
    sessions: [
      { name: PADDOCK, start: "09:00", end: "12:30", capacity: 1 },
      { name: PHOTO, start: "13:30", end: "15:00", capacity: 10 },
    ],
  });

const statusOf = async (sql: Parameters<typeof seedEvent>[0], registrationId: string, session: string) =>
  (
    await sql<
      { status: string }[]
    >`select status from registration_sessions where registration_id = ${registrationId} and session_id = ${session}`
  )[0]?.status;

test.describe("changing a registration", () => {
  test("cancelling frees the place for the first car waiting, and both owners are told", async ({
    page,
    sql,
    loginAs,
    mailbox,
  }) => {
    const event = await tightEvent(sql);
    const paddock = sessionId(event, PADDOCK);
    const owner = await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
    const first = await registeredOwner(sql, event, [{ sessionId: paddock, status: "waiting" }]);
    const second = await registeredOwner(sql, event, [{ sessionId: paddock, status: "waiting" }]);
    await loginAs(page, owner);
    await page.goto(`/registrations/${owner.registrationId}`);
    await page.getByRole("button", { name: "Cancel registration" }).click();
    await page.getByRole("button", { name: "Yes, cancel registration" }).click();

    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel registration" })).toHaveCount(0);
    await expect(new TicketPage(page).qrCode).toHaveCount(0);
    expect((await mailbox.waitForMessage(owner.email)).subject).toMatch(/^Registration cancelled/);
    const promotion = await mailbox.waitForMessage(first.email);
    expect(promotion.subject).toMatch(/^Your place is confirmed/);
    expect(promotion.subject).toContain(PADDOCK);
    expect(await statusOf(sql, first.registrationId, paddock)).toBe("confirmed");
    expect(await statusOf(sql, second.registrationId, paddock)).toBe("waiting");
    expect(await mailbox.list(second.email)).toHaveLength(0);
    // Cancelled: the calendar is gone too.
    expect((await page.request.get(`/registrations/${owner.registrationId}/calendar.ics`)).status()).toBe(404);
  });

  test("dropping a confirmed session in Your sessions promotes the car waiting for it", async ({
    page,
    sql,
    loginAs,
    mailbox,
  }) => {
    const event = await tightEvent(sql);
    const [paddock, photo] = [sessionId(event, PADDOCK), sessionId(event, PHOTO)];
    const owner = await registeredOwner(sql, event, [
      { sessionId: paddock, status: "confirmed" },
      { sessionId: photo, status: "confirmed" },
    ]);
    const waiting = await registeredOwner(sql, event, [{ sessionId: paddock, status: "waiting" }]);
    await loginAs(page, owner);
    await page.goto(`/registrations/${owner.registrationId}`);
    const ticket = new TicketPage(page);
    await ticket.keepSessions([PHOTO]);
    await expect(ticket.place(PADDOCK)).toHaveCount(0);
    await ticket.expectPlace(PHOTO, "Confirmed");

    await page.context().clearCookies();
    await loginAs(page, waiting);
    await page.goto(`/registrations/${waiting.registrationId}`);
    await ticket.expectPlace(PADDOCK, "Confirmed");
    expect((await mailbox.waitForMessage(waiting.email)).subject).toMatch(/^Your place is confirmed/);
  });

  test("Change car swaps the car and keeps the places and the ticket", async ({ page, sql, loginAs }) => {
    const event = await tightEvent(sql);
    const [paddock, photo] = [sessionId(event, PADDOCK), sessionId(event, PHOTO)];
    await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
    const owner = await registeredOwner(sql, event, [
      { sessionId: paddock, status: "waiting" },
      { sessionId: photo, status: "confirmed" },
    ]);
    const second = await insertCar(sql, owner.id, `RM-2ND ${owner.car.plate.slice(3)}`);
    await loginAs(page, owner);
    await page.goto(`/registrations/${owner.registrationId}`);
    const ticket = new TicketPage(page);
    const qrBefore = await ticket.qrCode.getAttribute("src");
    await page.getByRole("link", { name: "Change car" }).click();
    await expect(page).toHaveURL(new RegExp(`/registrations/${owner.registrationId}/car$`));
    await page.getByLabel("Car", { exact: true }).selectOption(second.id);
    await page.getByRole("button", { name: "Change car" }).click();

    await expect(page).toHaveURL(new RegExp(`/registrations/${owner.registrationId}\\?saved=car$`));
    await expect(page.getByText(second.plate, { exact: true })).toBeVisible();
    await ticket.expectPlace(PADDOCK, "Waiting list, position 1");
    await ticket.expectPlace(PHOTO, "Confirmed");
    expect(await ticket.qrCode.getAttribute("src")).toBe(qrBefore);
    const [row] = await sql<{ car_id: string }[]>`select car_id from registrations where id = ${owner.registrationId}`;
    expect(row?.car_id).toBe(second.id);
  });

  test("another owner's registration is not found", async ({ page, sql, loginAs, newUser }) => {
    const event = await tightEvent(sql);
    const owner = await registeredOwner(sql, event, [{ sessionId: sessionId(event, PHOTO), status: "confirmed" }]);
    await loginAs(page, await newUser());
    for (const path of [`/registrations/${owner.registrationId}`, `/registrations/${owner.registrationId}/car`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText(owner.car.plate)).toHaveCount(0);
    }
    expect((await page.request.get(`/registrations/${owner.registrationId}/calendar.ics`)).status()).toBe(404);
  });
});

test.describe("changing a registration without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("unticking every session is refused with the message beside the sessions", async ({ page, sql, loginAs }) => {
    const event = await tightEvent(sql);
    const photo = sessionId(event, PHOTO);
    const owner = await registeredOwner(sql, event, [{ sessionId: photo, status: "confirmed" }]);
    await loginAs(page, owner);
    await page.goto(`/registrations/${owner.registrationId}`);
    await page.getByRole("group", { name: "Your sessions" }).getByRole("checkbox", { name: PHOTO }).uncheck();
    await page.getByRole("button", { name: "Save sessions" }).click();
    await expect(page.getByRole("group", { name: "Your sessions" })).toHaveAccessibleDescription(
      "Tick at least one session.",
    );
    expect(await statusOf(sql, owner.registrationId, photo)).toBe("confirmed");
  });
});
