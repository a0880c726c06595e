import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { seedConfirmedCar, seedEvent } from "../fixtures/events";

const tags = ["wcag2a", "wcag2aa", "wcag21aa"];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  // id, impact and where: enough to find each one in the failure message.
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}

test.describe("axe finds no WCAG 2.1 AA violations", () => {
  test("on /signin", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test("on /signin with a field error", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("textbox", { name: "Email" })).toHaveAttribute("aria-invalid", "true");
    expect(await violations(page)).toEqual([]);
  });

  test("on an event page", async ({ page, sql }) => {
    const event = await seedEvent(sql);
    await seedConfirmedCar(sql, event, [event.sessions[0]!.id], 1);
    await page.goto(`/events/${event.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: event.name })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test("on /events", async ({ page, sql }) => {
    await seedEvent(sql);
    await page.goto("/events");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});
