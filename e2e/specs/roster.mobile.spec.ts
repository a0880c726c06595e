import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures";
import { seedRosterMeet } from "../fixtures/roster";
import { linesPerWord } from "../fixtures/text-lines";
import { SiteHeader } from "../pages/site-header";

test.use({ viewport: { width: 390, height: 844 } });

test("the roster is usable on a 390 px phone: the table scrolls, plaque and driver stay in view", async ({
  page,
  sql,
  loginAs,
}) => {
  const meet = await seedRosterMeet(sql, 40);
  await loginAs(page, meet.organiser);
  await page.goto(`/organise/events/${meet.event.slug}/roster`);
  await expect(page.getByTestId("roster-total")).toHaveText("40 cars");

  // The page itself never scrolls sideways; the table does, inside its own region.
  const page_ = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(page_.scroll).toBeLessThanOrEqual(page_.client);
  const region = page.getByTestId("roster-scroll");
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);

  const first = page.getByTestId("roster-row").first();
  await first.scrollIntoViewIfNeeded();
  const box = (await region.boundingBox())!;
  const inRegion = async (locator: typeof first) => {
    const b = (await locator.boundingBox())!;
    return b.x >= box.x - 1 && b.x + b.width <= box.x + box.width + 1;
  };
  const checkedIn = page.getByRole("columnheader", { name: "Checked in" });
  expect(await inRegion(checkedIn)).toBe(false);
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(() => inRegion(checkedIn)).toBe(true);
  // Still there after scrolling to the far right: the plaque and the driver's name.
  expect(await inRegion(first.getByRole("cell").first())).toBe(true);
  expect(await inRegion(first.getByRole("rowheader"))).toBe(true);
  await expect(first.getByRole("rowheader")).toBeInViewport();
  await expect(first.getByRole("rowheader")).toContainText(meet.cars[0]!.driver);
  await expect(first.getByRole("cell").first()).toContainText("1");

  // Touch targets: the tick box and the driver's link are at least 44 px high.
  for (const target of [
    first.getByRole("checkbox").locator(".."),
    first.getByRole("link", { name: meet.cars[0]!.driver }),
  ]) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }

  // Search on the phone: the GET form, then the one car it finds.
  await page.getByRole("textbox", { name: "Search" }).fill(meet.cars[33]!.plate);
  await page.getByRole("button", { name: "Show" }).first().click();
  await expect(page.getByTestId("roster-total")).toHaveText("1 car");
  await expect(page.getByTestId("roster-row")).toContainText(meet.cars[33]!.driver);
});

test("each session's time wraps after its date, never inside its hours, on any phone in German", async ({
  page,
  sql,
  loginAs,
}) => {
  const meet = await seedRosterMeet(sql, 3);
  await loginAs(page, meet.organiser);
  await page.goto(`/organise/events/${meet.event.slug}/roster`);
  await new SiteHeader(page).languageButton("Deutsch").click();
  await expect(page.getByTestId("roster-total")).toHaveText("3 Autos");
  const times = await page.getByTestId("roster-session").locator("th span").all();
  expect(times).toHaveLength(6);
  // Phones from 360 to 430 px wide: the column's width, and where it wraps, moves with them.
  for (let width = 360; width <= 430; width += 10) {
    await page.setViewportSize({ width, height: 844 });
    for (const time of times) expect(await linesPerWord(time), `${width} px`).toEqual([1, 1]);
  }
});

test("axe finds no WCAG 2.1 AA violations on the roster on a phone", async ({ page, sql, loginAs }) => {
  const meet = await seedRosterMeet(sql, 12);
  await loginAs(page, meet.organiser);
  await page.goto(`/organise/events/${meet.event.slug}/roster`);
  await expect(page.getByTestId("roster-total")).toHaveText("12 cars");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
});
