import { expect, test } from "../fixtures";
import { seedEvent, type SeededEvent } from "../fixtures/events";
import { registeredOwner, sessionId, TicketPage } from "../fixtures/registrations";

const PADDOCK = "Paddock display";
const PHOTO = "Photo session, GP straight";

const fullEvent = (sql: Parameters<typeof seedEvent>[0]): Promise<SeededEvent> =>
  seedEvent(sql, {
    sessions: [
      { name: PADDOCK, start: "09:00", end: "12:30", capacity: 1 },
      { name: PHOTO, start: "13:30", end: "15:00", capacity: 1 },
    ],
  });

test.describe("what an owner's registration says", () => {
  test("a car that only waits gets no ticket, QR code or calendar entry, but where it stands", async ({
    page,
    sql,
    loginAs,
  }) => {
    const event = await fullEvent(sql);
    const paddock = sessionId(event, PADDOCK);
    await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
    const waiting = await registeredOwner(sql, event, [{ sessionId: paddock, status: "waiting" }]);
    await loginAs(page, waiting);
    await page.goto(`/registrations/${waiting.registrationId}`);
    await expect(page.getByText("No confirmed place yet, so no ticket")).toBeVisible();
    await expect(page.getByText(`${PADDOCK}, position 1`)).toBeVisible();
    await expect(new TicketPage(page).qrCode).toHaveCount(0);
    await expect(page.getByText("Show this at the gate.")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Add to calendar" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Printable ticket" })).toHaveCount(0);
    expect((await page.request.get(`/registrations/${waiting.registrationId}/calendar.ics`)).status()).toBe(404);
  });

  test("Your sessions calls the car's own places held, and warns of a waiting list only for a full session it would join", async ({
    page,
    sql,
    loginAs,
  }) => {
    const event = await fullEvent(sql);
    const [paddock, photo] = [sessionId(event, PADDOCK), sessionId(event, PHOTO)];
    const owner = await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
    await registeredOwner(sql, event, [{ sessionId: photo, status: "confirmed" }]);
    await loginAs(page, owner);
    await page.goto(`/registrations/${owner.registrationId}`);
    const sessions = page.getByRole("group", { name: "Your sessions" });
    await expect(sessions.locator("label").filter({ hasText: PADDOCK })).toContainText("your place");
    await expect(sessions.locator("label").filter({ hasText: PADDOCK })).not.toContainText("waiting list");
    await expect(sessions.locator("label").filter({ hasText: PHOTO })).toContainText("Full: you join the waiting list");
  });

  test("after registration closes the owner can still give the place back, and the next car gets it; sessions stay as they are", async ({
    page,
    sql,
    loginAs,
    mailbox,
  }) => {
    const event = await fullEvent(sql);
    const paddock = sessionId(event, PADDOCK);
    const owner = await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
    const next = await registeredOwner(sql, event, [{ sessionId: paddock, status: "waiting" }]);
    await sql`update events set registration_opens_at = now() - interval '3 days', registration_closes_at = now() - interval '1 hour' where id = ${event.id}`;
    await loginAs(page, owner);
    await page.goto(`/registrations/${owner.registrationId}`);
    await expect(page.getByRole("group", { name: "Your sessions" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Change car" })).toHaveCount(0);
    await page.getByRole("button", { name: "Cancel registration" }).click();
    await page.getByRole("button", { name: "Yes, cancel registration" }).click();
    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
    expect((await mailbox.waitForMessage(next.email)).subject).toMatch(/^Your place is confirmed/);
  });

  test("changing sessions mails the owner the new state", async ({ page, sql, loginAs, mailbox }) => {
    const event = await seedEvent(sql);
    const [paddock, photo] = [sessionId(event, PADDOCK), sessionId(event, PHOTO)];
    const owner = await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
    await loginAs(page, owner);
    await page.goto(`/registrations/${owner.registrationId}`);
    await new TicketPage(page).keepSessions([PADDOCK, PHOTO]);
    const mail = await mailbox.waitForMessage(owner.email);
    expect(mail.subject).toBe(`Registration changed: ${event.name}`);
    expect(mail.text).toContain(`${PHOTO} (`);
    expect(mail.text).toContain(`${PADDOCK} (`);
    await expect
      .poll(
        async () =>
          (
            await sql`select 1 from registration_sessions where registration_id = ${owner.registrationId} and session_id = ${photo}`
          ).length,
      )
      .toBe(1);
  });
});
