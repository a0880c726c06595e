import { expect, test } from "../fixtures";
import { uniqueEmail } from "../fixtures/db";
import { catalogue, signInTexts } from "../pages/messages";
import { ConfirmSignInPage, SignInPage } from "../pages/sign-in-page";
import { SiteHeader } from "../pages/site-header";

test.describe("language", () => {
  test("Deutsch switches the page to German and English switches back", async ({ page }) => {
    await page.goto("/events");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await new SiteHeader(page).languageButton("Deutsch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    const german = new SiteHeader(page, "de");
    await expect(await german.navLink("Veranstaltungen")).toBeVisible();
    await expect(await german.navLink("Meine Anmeldungen")).toBeVisible();
    await expect(german.signInLink).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Veranstaltungen" })).toBeVisible();

    // The choice sticks to the next page.
    await page.goto("/signin");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");

    await german.languageButton("English").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const english = new SiteHeader(page);
    await expect(await english.navLink("Events")).toBeVisible();
    await expect(english.signInLink).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  });

  test("signing in works in German, mail included", async ({ page, mailbox }) => {
    const address = uniqueEmail("de");
    await page.goto("/signin");
    await new SiteHeader(page).languageButton("Deutsch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");

    const signIn = new SignInPage(page, signInTexts.de);
    await signIn.requestLink(address);
    const message = await mailbox.waitForMessage(address);
    expect(message.subject).toBe(catalogue.de.mail.signIn.subject);

    const confirm = new ConfirmSignInPage(page, signInTexts.de);
    await confirm.open(message.links[0]!);
    await confirm.signIn.click();
    await expect(page).toHaveURL(/\/garage$/);
    await expect(page.getByRole("heading", { level: 1, name: "Garage" })).toBeVisible();
    await expect(new SiteHeader(page, "de").signOutButton).toBeVisible();
  });

  test("a German browser gets German pages without choosing", async ({ browser }) => {
    const context = await browser.newContext({ locale: "de-DE" });
    try {
      const page = await context.newPage();
      await page.goto(`${process.env.E2E_BASE_URL}/signin`);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      const signIn = new SignInPage(page, signInTexts.de);
      await expect(signIn.emailMeLink).toBeVisible();
      await expect(signIn.passkey).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
