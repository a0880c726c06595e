import { expect, test } from "../fixtures";
import { sessionCount } from "../fixtures/db";
import { SiteHeader } from "../pages/site-header";

test("signing out needs no confirmation, ends the session and closes the garage", async ({
  signedInPage: page,
  account,
  sql,
}) => {
  await page.goto("/garage");
  await expect(page.getByRole("heading", { level: 1, name: "Garage" })).toBeVisible();
  expect(await sessionCount(sql, account.id)).toBe(1);

  const header = new SiteHeader(page);
  await header.signOut();
  await expect(header.signInLink).toBeVisible();
  await expect(header.signOutButton).toHaveCount(0);
  await expect.poll(() => sessionCount(sql, account.id)).toBe(0);

  await page.goto("/garage");
  await expect(page).toHaveURL(/\/signin\?/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/garage");
});
