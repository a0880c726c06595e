import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { carCount, insertCar, uniqueVin } from "../fixtures/garage";

async function fillOneM(page: Page, fields: { year?: string; vin?: string; plate?: string }) {
  await page.getByLabel("Model").selectOption("bmw-1m-e82");
  await page.getByLabel("Year").fill(fields.year ?? "2011");
  await page.getByLabel("Colour", { exact: true }).selectOption("Valencia Orange");
  await page.getByLabel("VIN").fill(fields.vin ?? uniqueVin());
  await page.getByLabel("Licence plate").fill(fields.plate ?? "aw-rm 11");
  await page.getByLabel("Country of registration").selectOption("DE");
}

async function expectFieldError(page: Page, label: string, message: string | RegExp) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(`[id="${describedBy.split(" ")[0]}"]`)).toContainText(message);
}

test("a wrong year, a colour outside the palette and a VIN with an O each say why and save nothing", async ({
  page,
  sql,
  account,
  loginAs,
}) => {
  await loginAs(page, account);
  await page.goto("/garage/new");
  await fillOneM(page, { year: "2015" });
  await page.getByRole("button", { name: "Save car" }).click();
  await expectFieldError(page, "Year", "2011 to 2012");

  await fillOneM(page, { vin: "WBSUR9C5OBE701714" });
  await page.getByRole("button", { name: "Save car" }).click();
  await expectFieldError(page, "VIN", "without I, O or Q");

  await fillOneM(page, {});
  // A forged colour that the 1M was never painted in (the list does not offer it).
  await page.getByLabel("Colour", { exact: true }).evaluate((select: HTMLSelectElement) => {
    select.add(new Option("Laguna Seca Blue", "Laguna Seca Blue"));
    select.value = "Laguna Seca Blue";
  });
  await page.getByRole("button", { name: "Save car" }).click();
  await expectFieldError(page, "Colour", "not offered for this model");
  expect(await carCount(sql, account.id)).toBe(0);
});

test("another owner's car reads as not found", async ({ page, sql, account, newUser, loginAs }) => {
  const other = await newUser();
  const car = await insertCar(sql, other.id);
  await loginAs(page, account);
  const response = await page.goto(`/garage/${car.id}/edit`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(car.plate)).toHaveCount(0);
});

test("a car without registrations can be removed", async ({ page, sql, account, loginAs }) => {
  const car = await insertCar(sql, account.id);
  await loginAs(page, account);
  await page.goto(`/garage/${car.id}/edit`);
  await page.getByRole("link", { name: "Remove car" }).click();
  await page.getByRole("button", { name: "Yes, remove car" }).click();
  await expect(page).toHaveURL(/\/garage$/);
  expect(await carCount(sql, account.id)).toBe(0);
});
