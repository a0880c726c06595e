import { devices, type Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { insertSession, insertUser } from "../fixtures/db";
import { builtActions } from "../security/build";
import { callAction } from "../security/http";
import { seedEvent, type SeededEvent } from "../fixtures/events";
import { decodeQr } from "../fixtures/qr";
import { SiteHeader } from "../pages/site-header";
import { linesPerWord } from "../fixtures/text-lines";
import { insertOwner, register, registeredOwner, sessionId } from "../fixtures/registrations";
import type { Sql } from "../fixtures/db";
import { parseEpcPayload } from "@/lib/payments/epc-qr";
import { sampleCamt053 } from "@/lib/payments/statement/sample";
import { formatDay } from "@/lib/time";

// Paying an entry fee by bank transfer, on a phone: the owner registers for a paid GP session and
// scans the GiroCode; the organiser imports the bank's statement; the owner's page says "Paid".

const PADDOCK = "Paddock display";
const GP = "GP track session 1";
const IBAN = "DE89370400440532013000";

/** On how many lines each group of the shown IBAN lies. */
const ibanGroupLines = (page: Page) => linesPerWord(page.getByText("DE89 3704 0044 0532 0130 00", { exact: true }));

async function paidEvent(sql: Sql): Promise<SeededEvent> {
  const event = await seedEvent(sql, {
    sessions: [
      { name: PADDOCK, start: "09:00", end: "12:30", capacity: 10 },
      { name: GP, start: "14:00", end: "14:30", capacity: 10 },
    ],
  });
  await sql`insert into event_fees (event_id, entry_cents, account_holder, iban, bic)
    values (${event.id}, 4500, '1M Owners Club e.V.', ${IBAN}, 'COBADEFFXXX')`;
  await sql`update event_sessions set price_cents = 12000 where event_id = ${event.id} and name = ${GP}`;
  return event;
}

test("an owner pays a GP session by bank transfer and sees it paid once the statement is imported", async ({
  page,
  browser,
  sql,
  loginAs,
  mailbox,
}) => {
  const event = await paidEvent(sql);
  const owner = await insertOwner(sql);
  await loginAs(page, owner);
  await page.goto(`/events/${event.slug}/register`);
  await register(page, { sessions: [PADDOCK, GP] });
  await page.waitForURL(/\/registrations\/[0-9a-f-]{36}/);
  const payment = page.getByRole("region", { name: "Payment" });
  await expect(payment.getByRole("status")).toHaveText("Amount due: €165.00");
  // Due by a day, fourteen Berlin days after the charge, with no hour (a transfer is due by a date).
  const [due] = await sql<
    { day: string }[]
  >`select (((min(l.created_at) at time zone 'Europe/Berlin')::date + 14))::text as day
    from ledger_entries l join registrations r on r.id = l.registration_id
    where r.event_id = ${event.id} and r.owner_id = ${owner.id} and l.kind = 'charge'`;
  await expect(payment.getByText(`Please pay by ${formatDay(due!.day, "en")}.`, { exact: true })).toBeVisible();
  const reference = ((await payment.getByText(/^Reference: /).textContent()) ?? "").replace("Reference: ", "").trim();
  expect(reference).toMatch(/^RF\d{2}RM[0-9A-Z]{8}$/);
  const epc = parseEpcPayload(await decodeQr(payment.getByRole("img", { name: "Bank transfer QR code" })));
  expect(epc).toEqual({ bic: "COBADEFFXXX", holder: "1M Owners Club e.V.", iban: IBAN, cents: 16500, reference });
  // Typed from the phone's screen: each group of the IBAN stays on one line, however it wraps
  // (German's longer labels leave it less room).
  expect(await ibanGroupLines(page)).toEqual([1, 1, 1, 1, 1, 1]);
  await new SiteHeader(page).languageButton("Deutsch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  expect(await ibanGroupLines(page)).toEqual([1, 1, 1, 1, 1, 1]);
  await new SiteHeader(page).languageButton("English").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const organiser = await insertUser(sql, { displayName: "Treasurer" });
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${organiser.id}, 'organiser' from events where id = ${event.id}`;
  const desk = await browser.newPage();
  await loginAs(desk, organiser);
  await desk.goto(`/organise/events/${event.slug}/payments`);
  const statement = sampleCamt053({
    account: { iban: IBAN, bic: "COBADEFFXXX", holder: "1M Owners Club e.V." },
    credits: [
      {
        bookedOn: "2031-05-02",
        cents: 16500,
        name: owner.fullName,
        remittance: `Startgeld ${reference.toLowerCase()}`,
      },
      { bookedOn: "2031-05-02", cents: 3000, name: "Someone", remittance: "Mitgliedsbeitrag" },
    ],
    statementId: `E2E-${reference}`,
    createdAt: new Date(),
  });
  await desk.getByLabel("Bank statement (CAMT.053 or CSV)").setInputFiles({
    name: "statement.xml",
    mimeType: "application/xml",
    buffer: Buffer.from(statement),
  });
  await desk.getByRole("button", { name: "Import statement" }).click();
  await expect(desk.getByText(/\(by reference\)/)).toBeVisible();
  await expect(desk.getByText("No registration of this event")).toBeVisible();
  await desk.getByRole("button", { name: "Confirm import" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "1 payment booked." })).toBeVisible();
  const row = desk.getByRole("row").filter({ hasText: reference });
  await expect(row.getByRole("cell").nth(5)).toHaveText("Paid");
  await desk.close();

  await page.reload();
  await expect(payment.getByRole("status")).toHaveText("Paid");
  await expect(payment.getByRole("img", { name: "Bank transfer QR code" })).toHaveCount(0);
  const receipt = await page.request.get(`${new URL(page.url()).pathname}/receipt.pdf`);
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()["content-type"]).toBe("application/pdf");
  await expect
    .poll(async () => (await mailbox.list(owner.email)).map((m) => m.subject), { timeout: 15_000 })
    .toContainEqual(expect.stringMatching(/^Payment received: €165\.00 for /));
});

test("a cancellation offers the freed place to the next owner waiting, who accepts it and then owes the fee", async ({
  page,
  browser,
  sql,
  loginAs,
  mailbox,
}) => {
  const event = await paidEvent(sql);
  await sql`update event_fees set offer_freed_places = true, offer_hours = 24 where event_id = ${event.id}`;
  await sql`update event_sessions set capacity = 1 where id = ${sessionId(event, GP)}`;
  const leaving = await registeredOwner(sql, event, [{ sessionId: sessionId(event, GP), status: "confirmed" }]);
  const next = await registeredOwner(sql, event, [{ sessionId: sessionId(event, GP), status: "waiting" }]);

  await loginAs(page, leaving);
  await page.goto(`/registrations/${leaving.registrationId}`);
  await page.getByRole("button", { name: "Cancel registration" }).click();
  await page.getByRole("button", { name: "Yes, cancel registration" }).click();
  await expect(page.getByText("Cancelled", { exact: false }).first()).toBeVisible();

  await expect
    .poll(async () => (await mailbox.list(next.email)).map((m) => m.subject), { timeout: 15_000 })
    .toContainEqual(expect.stringMatching(/^A place is free for you/));
  const phone = await browser.newPage({ ...devices["Pixel 7"] });
  await loginAs(phone, next);
  await phone.goto(`/registrations/${next.registrationId}`);
  await expect(phone.getByText("A place is free for you until")).toContainText(
    /[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}/,
  );
  await phone.getByRole("button", { name: "Accept place" }).click();
  await expect(phone.getByRole("status").filter({ hasText: "The place is yours." })).toBeVisible();
  await expect(phone.getByRole("listitem").filter({ hasText: GP })).toContainText("Confirmed");
  await expect(phone.getByRole("region", { name: "Payment" }).getByRole("status")).toHaveText("Amount due: €165.00");
  await phone.close();
});

test("cancellations at once on both app instances offer each freed place to one waiting car only", async ({ sql }) => {
  const event = await paidEvent(sql);
  const gp = sessionId(event, GP);
  await sql`update event_fees set offer_freed_places = true, offer_hours = 24 where event_id = ${event.id}`;
  await sql`update event_sessions set capacity = 6 where id = ${gp}`;
  const owners = [];
  for (let i = 0; i < 14; i++)
    owners.push(await registeredOwner(sql, event, [{ sessionId: gp, status: i < 6 ? "confirmed" : "waiting" }]));
  const cancel = builtActions().get("app/registrations/[id]/actions.ts#cancelRegistrationAction")!;
  const instances = [process.env.E2E_BASE_URL!, process.env.E2E_SECOND_URL!];
  const answers = await Promise.all(
    owners
      .slice(0, 6)
      .map(async (o, i) =>
        callAction(
          cancel,
          [{ id: o.registrationId, slug: event.slug }, { ok: true }, new FormData()],
          await insertSession(sql, o.id),
          `/registrations/${o.registrationId}`,
          instances[i % 2],
        ),
      ),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
  const offers = await sql<{ registration_id: string }[]>`
    select registration_id from place_offers where session_id = ${gp} and status = 'open'`;
  expect(offers.map((o) => o.registration_id).sort()).toEqual(
    owners
      .slice(6, 12)
      .map((o) => o.registrationId)
      .sort(),
  );
  const [counted] = await sql<{ confirmed: number }[]>`
    select count(*)::int as confirmed from registration_sessions where session_id = ${gp} and status = 'confirmed'`;
  expect(counted!.confirmed).toBe(0);
});

test("the organiser's payments list fits a phone: a card per registration, each amount labelled, no sideways scrolling", async ({
  page,
  sql,
  loginAs,
}) => {
  const event = await paidEvent(sql);
  await registeredOwner(sql, event, [{ sessionId: sessionId(event, PADDOCK), status: "confirmed" }]);
  const organiser = await insertUser(sql, { displayName: "Treasurer" });
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${organiser.id}, 'organiser' from events where id = ${event.id}`;
  await loginAs(page, organiser);
  await page.goto(`/organise/events/${event.slug}/payments`);
  const row = page.getByRole("row").nth(1); // the one registration, under the header row
  await expect(row.getByRole("cell")).toHaveCount(7); // still one table for screen readers
  await expect(page.getByRole("columnheader")).toHaveCount(7);
  const box = page.locator("div:has(> table)");
  expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // Each amount under its column's name, which is not part of the cell's text.
  const amounts = row.getByRole("cell").filter({ hasText: "€" });
  await expect(amounts).toHaveText([/^€\d+\.\d\d$/, /^€\d+\.\d\d$/, /^€\d+\.\d\d$/]);
  const labels = await amounts.evaluateAll((cells) => cells.map((c) => getComputedStyle(c, "::before").content));
  expect(labels.map((l) => l.replace(/\s*\/\s*""$/, ""))).toEqual(['"Owed"', '"Paid"', '"Refunded"']);
});
