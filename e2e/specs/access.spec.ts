import { expect, test } from "../fixtures";

test.describe("pages that need an account", () => {
  for (const path of ["/garage", "/registrations"]) {
    test(`a signed-out visit to ${path} is sent to /signin and told the way back`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/signin\?/);
      expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(path);
      await expect(page.getByRole("button", { name: "Email me a sign-in link", exact: true })).toBeVisible();
    });
  }

  test("a signed-in owner sees their garage", async ({ signedInPage: page }) => {
    await page.goto("/garage");
    await expect(page).toHaveURL(/\/garage$/);
    await expect(page.getByRole("heading", { level: 1, name: "Garage" })).toBeVisible();
  });
});
