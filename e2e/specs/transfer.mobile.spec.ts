import { expect, test } from "../fixtures";
import { seedEvent } from "../fixtures/events";
import { insertOwner, registeredOwner, sessionId, TicketPage } from "../fixtures/registrations";

// Handing a place on, on a phone: the owner offers it to another owner's address; the link in
// the mail lets that owner take it over with a car of their own, once.

const PADDOCK = "Paddock display";

test("an owner transfers a place: the new owner takes it with their own car, and the link works once", async ({
  page,
  browser,
  sql,
  loginAs,
  mailbox,
}) => {
  const event = await seedEvent(sql, { sessions: [{ name: PADDOCK, start: "09:00", end: "12:30", capacity: 5 }] });
  await sql`insert into event_fees (event_id, entry_cents, account_holder, iban, bic, transfers_until)
    values (${event.id}, 0, '1M Owners Club e.V.', 'DE89370400440532013000', 'COBADEFFXXX', now() + interval '7 days')`;
  const giver = await registeredOwner(sql, event, [{ sessionId: sessionId(event, PADDOCK), status: "confirmed" }]);
  const recipient = await insertOwner(sql);

  await loginAs(page, giver);
  await page.goto(`/registrations/${giver.registrationId}`);
  await page.getByRole("link", { name: "Transfer place" }).click();
  await expect(page).toHaveURL(`/registrations/${giver.registrationId}/transfer`);
  // Their own address is refused beside the field.
  await page.getByLabel("Email of the new owner").fill(giver.email);
  await page.getByRole("button", { name: "Offer transfer" }).click();
  await expect(page.getByText("That is your own address.")).toBeVisible();
  await page.getByLabel("Email of the new owner").fill(recipient.email);
  await page.getByRole("button", { name: "Offer transfer" }).click();
  await expect(page.getByText(`Offered to ${recipient.email}`)).toBeVisible();

  const offer = await mailbox.waitForMessage(recipient.email, { timeout: 20_000 });
  expect(offer.subject).toBe(`Transfer offered: a place at ${event.name}`);
  const link = offer.links.find((l) => l.includes("/transfers/"));
  expect(link).toBeDefined();
  const path = new URL(link!).pathname;

  const theirs = await browser.newPage();
  await loginAs(theirs, recipient);
  await theirs.goto(path);
  await expect(theirs.getByText(`A place at ${event.name} is offered to you.`)).toBeVisible();
  await theirs.getByLabel("Your car").selectOption(recipient.car.id);
  await theirs.getByRole("button", { name: "Accept transfer" }).click();
  await expect(theirs).toHaveURL(/\/registrations\/[0-9a-f-]{36}\?saved=transferred$/);
  await expect(theirs.getByRole("status").filter({ hasText: "The place is yours now." })).toBeVisible();
  const ticket = new TicketPage(theirs);
  expect(ticket.id).not.toBe(giver.registrationId);
  await ticket.expectPlace(PADDOCK, "Confirmed");

  const rows = await sql<{ id: string; owner_id: string; car_id: string; status: string }[]>`
    select id, owner_id, car_id, status from registrations where event_id = ${event.id} order by created_at`;
  expect(rows).toEqual([
    expect.objectContaining({ id: giver.registrationId, owner_id: giver.id, status: "cancelled" }),
    expect.objectContaining({ id: ticket.id, owner_id: recipient.id, car_id: recipient.car.id, status: "active" }),
  ]);
  // The link is spent.
  await theirs.goto(path);
  await expect(theirs.getByText(/This transfer is no longer open/)).toBeVisible();
  await expect(theirs.getByRole("button", { name: "Accept transfer" })).toHaveCount(0);
});
