import { expect, test } from "../fixtures";
import { seedConfirmedCar, seedEvent } from "../fixtures/events";
import { registeredOwner, sessionId, TicketPage } from "../fixtures/registrations";
import { SiteHeader } from "../pages/site-header";

const PADDOCK = "Paddock display";
const GP = "GP track session 1";

// The "Done when", on a phone, with its own data (not the demo seed): an owner like
// owner001 adds a GP session, shows the ticket, drops a session others wait for, and the next car
// in line is e-mailed its place.
test("an owner adds a GP session, sees the ticket and frees a place for the next car", async ({
  page,
  sql,
  loginAs,
  mailbox,
}) => {
  const event = await seedEvent(sql, {
    sessions: [
      { name: PADDOCK, start: "09:00", end: "12:30", capacity: 2 },
      { name: GP, start: "14:00", end: "14:30", capacity: 30 },
    ],
  });
  const [paddock, gp] = [sessionId(event, PADDOCK), sessionId(event, GP)];
  const owner = await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
  await seedConfirmedCar(sql, event, [paddock], 2);
  const next = await registeredOwner(sql, event, [{ sessionId: paddock, status: "waiting" }]);
  const after = await registeredOwner(sql, event, [{ sessionId: paddock, status: "waiting" }]);

  await loginAs(page, owner);
  await page.goto("/");
  await (await new SiteHeader(page).navLink("My registrations")).click();
  await page.getByRole("link", { name: event.name }).click();
  await expect(page).toHaveURL(new RegExp(`/registrations/${owner.registrationId}$`));

  const ticket = new TicketPage(page);
  await ticket.keepSessions([PADDOCK, GP]);
  await ticket.expectPlace(GP, "Confirmed");
  await ticket.expectPlace(PADDOCK, "Confirmed");
  await expect(ticket.qrCode).toBeVisible();
  const qr = await ticket.qrCode.boundingBox();
  expect(qr!.width).toBeGreaterThanOrEqual(200); // big enough to scan at the gate
  expect(qr!.x + qr!.width).toBeLessThanOrEqual(page.viewportSize()!.width);

  await ticket.keepSessions([GP]);
  await expect(ticket.place(PADDOCK)).toHaveCount(0);
  await ticket.expectPlace(GP, "Confirmed");

  const promotion = await mailbox.waitForMessage(next.email);
  expect(promotion.subject).toBe(`Your place is confirmed: ${PADDOCK}`);
  expect(promotion.links.some((l) => l.endsWith(`/registrations/${next.registrationId}`))).toBe(true);
  const places = await sql<{ registration_id: string; status: string }[]>`
    select registration_id, status from registration_sessions where session_id = ${paddock} order by registration_id`;
  expect(places.filter((p) => p.status === "confirmed")).toHaveLength(2);
  expect(places.find((p) => p.registration_id === next.registrationId)?.status).toBe("confirmed");
  expect(places.find((p) => p.registration_id === after.registrationId)?.status).toBe("waiting");
  expect(await mailbox.list(after.email)).toHaveLength(0);
  const mine = await sql<
    { session_id: string; status: string }[]
  >`select session_id, status from registration_sessions where registration_id = ${owner.registrationId}`;
  expect(mine).toEqual([{ session_id: gp, status: "confirmed" }]);
});
