import { expect, test } from "../fixtures";
import { carCount, insertNewcomer, uniqueVin } from "../fixtures/garage";

// The owner's phone journey (phone project only).
test("first sign-in: profile, then a 1M in the garage", async ({ page, sql, loginAs }) => {
  const user = await insertNewcomer(sql);
  await loginAs(page, { ...user, fullName: "", displayName: "", country: "" });
  await page.goto("/account");
  await page.getByLabel("Full name").fill("Jonas Müller");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("saved");
  await page.goto("/garage");
  await page.getByRole("link", { name: "Add a car" }).click();
  await page.getByLabel("Model").selectOption("bmw-1m-e82");
  await page.getByLabel("Year").fill("2011");
  await page.getByLabel("Colour", { exact: true }).selectOption("Valencia Orange");
  await page.getByLabel("VIN").fill(uniqueVin());
  await page.getByLabel("Licence plate").fill("aw-rm 11");
  await page.getByLabel("Country of registration").selectOption("DE");
  await page.getByRole("button", { name: "Save car" }).click();
  await expect(page).toHaveURL(/\/garage$/);
  await expect(page.getByText("AW-RM 11")).toBeVisible();
  await expect(page.getByRole("heading", { name: "BMW 1M Coupé" })).toBeVisible();
  expect(await carCount(sql, user.id)).toBe(1);
});
