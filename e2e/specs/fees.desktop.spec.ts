import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type TestUser } from "../fixtures";
import type { Sql } from "../fixtures/db";
import { seedEvent } from "../fixtures/events";

// The organiser sets the meet's fees: an entry fee, a price for the GP session and the club's
// account; a mistyped IBAN is refused beside its field, and the saved amounts come back in the
// reader's own way of writing them.

const GP = "GP track session 1";

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** A meet with a paddock display and a GP session, organised by `organiser`. */
async function meetOrganisedBy(sql: Sql, organiser: TestUser) {
  const event = await seedEvent(sql, {
    sessions: [
      { name: "Paddock display", start: "09:00", end: "12:00", capacity: 10 },
      { name: GP, start: "13:00", end: "14:00", capacity: 10 },
    ],
  });
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${organiser.id}, 'organiser' from events where id = ${event.id}`;
  return event;
}

test("an organiser sets the entry fee, a session's price and the account; a wrong IBAN is refused beside it", async ({
  page,
  browser,
  sql,
  account,
  loginAs,
}) => {
  const event = await meetOrganisedBy(sql, account);
  await loginAs(page, account);
  await page.goto(`/organise/events/${event.slug}/edit`);
  await page.getByRole("link", { name: "Fees", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fees" })).toBeVisible();

  await page.getByLabel("Entry fee (EUR)").fill("45");
  await page.getByLabel(`Price for ${GP} (EUR)`).fill("120");
  await page.getByLabel("Account holder").fill("E2E Club e.V.");
  const iban = page.getByRole("textbox", { name: "IBAN" });
  await iban.fill("DE89 3704 0044 0532 0130 01");
  await page.getByRole("button", { name: "Save fees" }).click();
  await expect(iban).toHaveAttribute("aria-invalid", "true");
  await expect(iban).toHaveAccessibleDescription(/not a valid IBAN/);
  await expect(page.getByLabel("Entry fee (EUR)")).toHaveValue("45");
  expect(await axeViolations(page)).toEqual([]);

  await iban.fill("DE89370400440532013000");
  await page.getByRole("button", { name: "Save fees" }).click();
  await expect(page.getByText("The fees are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Entry fee (EUR)")).toHaveValue("45.00");
  await expect(page.getByLabel(`Price for ${GP} (EUR)`)).toHaveValue("120.00");
  await expect(page.getByLabel("Price for Paddock display (EUR)")).toHaveValue("");
  await expect(page.getByLabel("Account holder")).toHaveValue("E2E Club e.V.");
  await expect(iban).toHaveValue("DE89 3704 0044 0532 0130 00");
  await expect(iban).not.toHaveAttribute("aria-invalid");
  expect(await axeViolations(page)).toEqual([]);

  const [fees] = await sql<{ entry_cents: number; account_holder: string; iban: string; pay_within_days: number }[]>`
    select entry_cents, account_holder, iban, pay_within_days from event_fees where event_id = ${event.id}`;
  expect(fees).toEqual({
    entry_cents: 4500,
    account_holder: "E2E Club e.V.",
    iban: "DE89370400440532013000",
    pay_within_days: 14,
  });
  const prices = await sql<{ name: string; price_cents: number }[]>`
    select name, price_cents from event_sessions where event_id = ${event.id} order by starts_at`;
  expect(prices).toEqual([
    { name: "Paddock display", price_cents: 0 },
    { name: GP, price_cents: 12000 },
  ]);

  // A German reader sees the same amounts written the German way.
  const german = await browser.newContext({ locale: "de-DE" });
  const de = await german.newPage();
  await loginAs(de, account);
  await de.goto(`${process.env.E2E_BASE_URL}/organise/events/${event.slug}/fees`);
  await expect(de.getByLabel("Startgebühr (EUR)")).toHaveValue("45,00");
  await expect(de.getByLabel(`Preis für ${GP} (EUR)`)).toHaveValue("120,00");
  await german.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the fees form refuses a wrong IBAN beside it, then saves", async ({ page, sql, account, loginAs }) => {
    const event = await meetOrganisedBy(sql, account);
    await loginAs(page, account);
    await page.goto(`/organise/events/${event.slug}/fees`);
    await page.getByLabel("Entry fee (EUR)").fill("1.234,50");
    await page.getByLabel("Account holder").fill("E2E Club e.V.");
    await page.getByLabel("IBAN").fill("DE89370400440532013001");
    await page.getByRole("button", { name: "Save fees" }).click();
    await expect(page.getByLabel("IBAN")).toHaveAccessibleDescription(/not a valid IBAN/);
    await expect(page.getByLabel("Entry fee (EUR)")).toHaveValue("1.234,50");

    await page.getByLabel("IBAN").fill("DE89370400440532013000");
    await page.getByRole("button", { name: "Save fees" }).click();
    await expect(page.getByText("The fees are saved.")).toBeVisible();
    await expect(page.getByLabel("Entry fee (EUR)")).toHaveValue("1,234.50");
    const [fees] = await sql<
      { entry_cents: number }[]
    >`select entry_cents from event_fees where event_id = ${event.id}`;
    expect(fees?.entry_cents).toBe(123450);
  });
});
