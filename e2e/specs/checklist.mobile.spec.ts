import { expect, test } from "../fixtures";
import { checkInRows, seedGate } from "../fixtures/check-in";

test("an organiser adds a required checklist item; the gate cannot check a car in until it is ticked", async ({
  page,
  sql,
  account,
  loginAs,
}) => {
  const world = await seedGate(sql, 1);
  const car = world.cars[0]!;
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${account.id}, 'organiser' from events where id = ${world.event.id}`;
  await loginAs(page, account);
  await page.goto(`/organise/events/${world.event.slug}/checklist`);
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByLabel("Item")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Item").fill("Noise test passed");
  await page.getByLabel("Required before check-in").check();
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("list", { name: "Gate checklist" })).toContainText("Noise test passedRequired");

  await loginAs(page, world.gate);
  await page.goto(`/organise/events/${world.event.slug}/check-in`);
  await page.getByRole("searchbox", { name: "Search by plate, name or plaque" }).fill(String(car.plaque));
  const item = page.getByRole("listitem", { name: new RegExp(car.driver) });
  await item.getByRole("button", { name: "Check in" }).click();
  // The required box holds the form back: nothing is sent.
  expect(
    await item
      .getByRole("checkbox", { name: /Noise test passed/ })
      .evaluate((box: HTMLInputElement) => box.validity.valueMissing),
  ).toBe(true);
  expect(await checkInRows(sql, world.event.id)).toBe(0);
  await item.getByRole("checkbox", { name: /Noise test passed/ }).check();
  await item.getByRole("button", { name: "Check in" }).click();
  await expect(page.getByRole("status")).toHaveText("Checked in: 1 of 1");
});
