import { expect, test } from "../fixtures";
import { sessionCount, uniqueEmail, userIdByEmail } from "../fixtures/db";
import { ConfirmSignInPage, SignInPage } from "../pages/sign-in-page";
import { SiteHeader } from "../pages/site-header";

test.describe("signing in with an e-mailed link", () => {
  test("a new address gets a link, and pressing Sign in creates the account and lands in the garage", async ({
    page,
    mailbox,
    sql,
  }) => {
    const address = uniqueEmail("signin");
    const signIn = new SignInPage(page);
    await signIn.goto();
    await expect(signIn.passkey).toBeVisible();
    await signIn.requestLink(address);
    await expect(page.getByRole("status")).toContainText("sent a sign-in link");

    const message = await mailbox.waitForMessage(address);
    expect(message.to).toBe(address);
    expect(message.subject).toMatch(/sign-in link/i);
    const link = message.links[0]!;
    expect(new URL(link).pathname).toBe("/signin/confirm");

    const confirm = new ConfirmSignInPage(page);
    await confirm.open(link);
    await expect(confirm.signIn).toBeVisible();
    // Auth.js creates the user on the callback: opening the link alone has not.
    expect(await userIdByEmail(sql, address)).toBeUndefined();

    await confirm.signIn.click();
    await expect(page).toHaveURL(/\/garage$/);
    await expect(page.getByRole("heading", { level: 1, name: "Garage" })).toBeVisible();
    await expect(new SiteHeader(page).signOutButton).toBeVisible();

    const userId = await userIdByEmail(sql, address);
    expect(userId, "the first sign-in created the account").toBeDefined();
    expect(await sessionCount(sql, userId!)).toBe(1);
  });

  test("signing in returns to the page the visitor came from", async ({ page, mailbox }) => {
    const address = uniqueEmail("return");
    await page.goto("/registrations");
    await expect(page).toHaveURL(/\/signin\?/);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/registrations");

    await new SignInPage(page).requestLink(address);
    const confirm = new ConfirmSignInPage(page);
    await confirm.open(await mailbox.waitForSignInLink(address));
    await confirm.signIn.click();

    await expect(page).toHaveURL(/\/registrations$/);
    await expect(page.getByRole("heading", { level: 1, name: "My registrations" })).toBeVisible();
  });

  test("a link works once: opened again elsewhere it says so and offers a new one", async ({
    page,
    browser,
    mailbox,
    sql,
  }) => {
    const address = uniqueEmail("once");
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.requestLink(address);
    const link = await mailbox.waitForSignInLink(address);
    const confirm = new ConfirmSignInPage(page);
    await confirm.open(link);
    await confirm.signIn.click();
    await expect(page).toHaveURL(/\/garage$/);
    const userId = (await userIdByEmail(sql, address))!;
    expect(await sessionCount(sql, userId)).toBe(1);

    const other = await browser.newContext();
    try {
      const second = await other.newPage();
      await second.goto(link);
      const again = new SignInPage(second);
      await expect(again.usedOrExpired).toBeVisible();
      await expect(again.emailMeLink).toBeVisible();
      await expect(new ConfirmSignInPage(second).signIn).toHaveCount(0);
      await expect(new SiteHeader(second).signInLink).toBeVisible();
    } finally {
      await other.close();
    }
    expect(await sessionCount(sql, userId)).toBe(1);
  });

  test("a second request for the same address sends a new link that works", async ({ page, mailbox }) => {
    const address = uniqueEmail("twice");
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.requestLink(address);
    const first = await mailbox.waitForMessage(address);
    await signIn.goto();
    await signIn.requestLink(address);
    const second = await mailbox.waitForMessage(address, { after: first });
    expect(second.links[0]).not.toBe(first.links[0]);

    const confirm = new ConfirmSignInPage(page);
    await confirm.open(second.links[0]!);
    await confirm.signIn.click();
    await expect(page.getByRole("heading", { level: 1, name: "Garage" })).toBeVisible();
  });
});
