import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { uniqueEmail } from "../fixtures/db";
import { seedEvent } from "../fixtures/events";
import type { Mailbox } from "../fixtures/mailbox";
import { ConfirmSignInPage, SignInPage } from "../pages/sign-in-page";
import { SiteHeader } from "../pages/site-header";

/** The header's "Sign in", the e-mailed link, the "Sign in" button: the whole way a person goes. */
async function signInFromHeader(page: Page, mailbox: Mailbox, prefix: string) {
  const address = uniqueEmail(prefix);
  const header = new SiteHeader(page);
  await header.openMenuIfCollapsed();
  await header.signInLink.click();
  await expect(page).toHaveURL(/\/signin\?/);
  await new SignInPage(page).requestLink(address);
  const confirm = new ConfirmSignInPage(page);
  await confirm.open(await mailbox.waitForSignInLink(address));
  await confirm.signIn.click();
  await expect(header.signOutButton).toBeVisible();
}

test.describe("the header's Sign in comes back to the page it was pressed on", () => {
  test("from the public event page", async ({ page, mailbox, sql }) => {
    const event = await seedEvent(sql);
    await page.goto(`/events/${event.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: event.name })).toBeVisible();
    await signInFromHeader(page, mailbox, "event-return");
    await expect(page).toHaveURL(new RegExp(`/events/${event.slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: event.name })).toBeVisible();
  });

  test("from a page with a query string", async ({ page, mailbox }) => {
    await page.goto("/events?from=newsletter&lang=en");
    await signInFromHeader(page, mailbox, "query-return");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/events");
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: "newsletter", lang: "en" });
  });

  test("from the sign-in page itself it keeps the way back", async ({ page }) => {
    await page.goto("/signin?callbackUrl=%2Fregistrations");
    const link = new SiteHeader(page).signInLink;
    expect(new URL((await link.getAttribute("href"))!, page.url()).searchParams.get("callbackUrl")).toBe(
      "/registrations",
    );
  });
});
