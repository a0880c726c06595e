import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures";
import { seedRosterMeet } from "../fixtures/roster";

test.describe("the roster with its filters open", () => {
  test("every control has an accessible name and axe finds nothing, a deleted account's row included", async ({
    page,
    sql,
    loginAs,
  }) => {
    const meet = await seedRosterMeet(sql, 6);
    // The owner of plaque 6 deleted their account: the registration stays, without owner or car.
    await sql`update registrations set owner_id = null, car_id = null, status = 'cancelled', cancelled_at = now() where id = ${meet.cars[5]!.registrationId}`;
    await loginAs(page, meet.organiser);
    await page.goto(`/organise/events/${meet.event.slug}/roster?status=cancelled&sort=driver`);
    await expect(page.getByRole("group").or(page.locator("details[open]")).first()).toBeVisible();
    const row = page.getByTestId("roster-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Deleted account");
    await expect(row.getByRole("checkbox", { name: "Select Deleted account" })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
    for (const name of ["Session", "Status", "Checked in", "Colour", "Model", "Sort by", "Order", "Search"]) {
      await expect(page.getByLabel(name, { exact: true }).first()).toBeVisible();
    }
  });
});
