import { expect, test } from "../fixtures";
import { insertCar } from "../fixtures/garage";

test("download my data as JSON", async ({ page, sql, account, loginAs }) => {
  const car = await insertCar(sql, account.id);
  await loginAs(page, account);
  await page.goto("/account");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const file = await download;
  const data = JSON.parse(
    await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")),
  );
  expect(data.profile.email).toBe(account.email);
  expect(data.cars.map((c: { plate: string }) => c.plate)).toEqual([car.plate]);
  expect(data.cars[0]).not.toHaveProperty("ownerId");
  expect(Array.isArray(data.registrations) && Array.isArray(data.signInHistory)).toBe(true);
});

test("delete my account: profile and cars go", async ({ page, sql, account, loginAs }) => {
  await insertCar(sql, account.id);
  await loginAs(page, account);
  await page.goto("/account");
  await page.getByRole("link", { name: "Delete my account" }).click();
  await page.getByRole("button", { name: "Yes, delete my account" }).click();
  await expect(page.getByRole("status")).toContainText("Your account is deleted.");
  const [row] = await sql<{ users: number; cars: number }[]>`
    select (select count(*) from users where id = ${account.id})::int as users, (select count(*) from cars where owner_id = ${account.id})::int as cars`;
  expect(row).toEqual({ users: 0, cars: 0 });
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("the data export is only for the signed-in owner", async ({ request }) => {
  const response = await request.get("/account/data.json");
  expect(response.status()).toBe(404);
});
