import { expect, test } from "../fixtures";
import { uniqueEmail, userIdByEmail, type Sql } from "../fixtures/db";
import { SESSION_COOKIE } from "../fixtures";
import { ConfirmSignInPage, SignInPage } from "../pages/sign-in-page";
import { SiteHeader } from "../pages/site-header";

const expireLink = (sql: Sql, address: string) =>
  sql`update verification_tokens set expires = now() - interval '1 second' where identifier = ${address}`;

test.describe("the sign-in link", () => {
  test("expires after 10 minutes", async ({ page, mailbox, sql }) => {
    const address = uniqueEmail("expiry");
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.requestLink(address);
    const link = await mailbox.waitForSignInLink(address);

    const [token] = await sql<{ minutes: number }[]>`
      select extract(epoch from expires - now()) / 60 as minutes from verification_tokens where identifier = ${address}`;
    expect(Number(token!.minutes)).toBeGreaterThan(9);
    expect(Number(token!.minutes)).toBeLessThanOrEqual(10);

    expect((await expireLink(sql, address)).count).toBe(1);
    await page.goto(link);
    await expect(signIn.usedOrExpired).toBeVisible();
    await expect(signIn.emailMeLink).toBeVisible();
    await expect(new ConfirmSignInPage(page).signIn).toHaveCount(0);
  });

  test("pressing Sign in after the link expired does not sign in", async ({ page, mailbox, sql }) => {
    const address = uniqueEmail("late");
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.requestLink(address);
    const confirm = new ConfirmSignInPage(page);
    await confirm.open(await mailbox.waitForSignInLink(address));
    await expect(confirm.signIn).toBeVisible();

    await expireLink(sql, address);
    await confirm.signIn.click();

    await expect(page).toHaveURL(/\/signin\?(.*&)?error=/);
    await expect(signIn.usedOrExpired).toBeVisible();
    await expect(new SiteHeader(page).signInLink).toBeVisible();
    expect(await userIdByEmail(sql, address), "no account was created").toBeUndefined();
  });

  test("a mail scanner that fetches the link neither signs in nor uses it up", async ({
    page,
    request,
    mailbox,
    sql,
  }) => {
    const address = uniqueEmail("scanner");
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.requestLink(address);
    const link = await mailbox.waitForSignInLink(address);

    // The scanner: a plain HTTP client that follows the link, then fetches the page again.
    for (let i = 0; i < 2; i++) {
      const response = await request.get(link);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("Sign in to Ringmeet");
    }
    const scannerCookies = (await request.storageState()).cookies;
    expect(scannerCookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect(await userIdByEmail(sql, address)).toBeUndefined();

    // The person still signs in with the same link.
    const confirm = new ConfirmSignInPage(page);
    await confirm.open(link);
    await confirm.signIn.click();
    await expect(page.getByRole("heading", { level: 1, name: "Garage" })).toBeVisible();

    // …and the scanner still has no session.
    const garage = await request.get("/garage", { maxRedirects: 0 });
    expect(garage.status()).toBe(307);
    expect(new URL(garage.headers()["location"]!, link).pathname).toBe("/signin");
  });
});
