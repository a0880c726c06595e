import { randomUUID } from "node:crypto";
import { devices } from "@playwright/test";
import { expect, test } from "../fixtures";
import type { GateCar } from "../fixtures/check-in";
import {
  checkedInCount,
  checkInRows,
  nameDriver,
  phoneWithCamera,
  qrImage,
  qrVideo,
  seedGate,
  ticketFor,
} from "../fixtures/check-in";

const path = (slug: string) => `/organise/events/${slug}/check-in`;
const CLOCK = /\d\d:\d\d/;

test.describe("gate check-in on a phone", () => {
  // Scanning: Chromium's fake camera films a generated QR image (a Y4M file given at launch, so this
  // test opens a browser of its own); with no BarcodeDetector on Linux, jsQR (lib/check-in/read-qr.ts) decodes it.
  test("scanning a ticket with the camera checks the car in; a second scan says already checked in", async ({
    sql,
    loginAs,
  }) => {
    const world = await seedGate(sql, 3);
    const car = world.cars[1]!;
    const { browser, context } = await phoneWithCamera(qrVideo(ticketFor(car.registrationId, world.event.id)));
    try {
      const page = await context.newPage();
      await loginAs(page, world.gate);
      await page.goto(path(world.event.slug));
      await expect(page.getByRole("status")).toHaveText("Checked in: 0 of 3");
      await page.getByRole("button", { name: "Scan ticket" }).click();
      const verdict = page.getByRole("alert").filter({ hasText: `Plaque ${car.plaque}` });
      // Decoding camera frames is the slow part on a busy two-core machine; a phone takes well under a second.
      await expect(verdict)
        .toContainText("Admit", { timeout: 30_000 })
        .catch(async (error: Error) => {
          // It failed once in many CI runs with the scanner shown, when zxing-js read the codes (it could
          // never read about one ticket in three hundred): if it fails again, say what the video was doing.
          const video = await page.locator("video").evaluateAll((all: HTMLVideoElement[]) =>
            all.map((v) => ({
              width: v.videoWidth,
              height: v.videoHeight,
              readyState: v.readyState,
              paused: v.paused,
            })),
          );
          throw new Error(`${error.message}\nvideo elements: ${JSON.stringify(video)}`);
        });
      await page.getByRole("region", { name: /Admit/ }).getByRole("button", { name: "Check in" }).click();
      await expect(verdict).toContainText("Checked in");
      await expect(page.getByRole("status")).toHaveText("Checked in: 1 of 3");
      await page.getByRole("button", { name: "Scan next ticket" }).click();
      await expect(verdict).toContainText("Already in");
      await expect(verdict).toContainText(/Already checked in at \d\d:\d\d by Gate /);
      expect(await checkedInCount(sql, world.event.id)).toBe(1);
    } finally {
      await browser.close();
    }
  });

  // The same decoder, fed a picture of the ticket through "Scan from image".
  test("a ticket for another event is refused, in words as well as colour", async ({ page, sql, loginAs }) => {
    const world = await seedGate(sql, 1);
    const other = await seedGate(sql, 1);
    await loginAs(page, world.gate);
    await page.goto(path(world.event.slug));
    await page.getByLabel("Scan from image").setInputFiles({
      name: "ticket.png",
      mimeType: "image/png",
      buffer: await qrImage(ticketFor(other.cars[0]!.registrationId, other.event.id)),
    });
    const verdict = page.getByRole("alert").filter({ hasText: "Do not admit" });
    await expect(verdict).toContainText("Ticket for another event");
    await page.getByLabel("Scan from image").setInputFiles({
      name: "forged.png",
      mimeType: "image/png",
      buffer: await qrImage(ticketFor(randomUUID(), world.event.id).replace(/.$/, (c) => (c === "A" ? "B" : "A"))),
    });
    await expect(page.getByRole("alert").filter({ hasText: "Do not admit" })).toContainText("Forged ticket");
    expect(await checkInRows(sql, world.event.id)).toBe(0);
  });

  test("checking in by plate; the car then shows when it was checked in and no button", async ({
    page,
    sql,
    loginAs,
  }) => {
    const world = await seedGate(sql, 2);
    const car = world.cars[0]!;
    await loginAs(page, world.gate);
    await page.goto(path(world.event.slug));
    await page
      .getByRole("searchbox", { name: "Search by plate, name or plaque" })
      .fill(car.plate.toLowerCase().replace(/[- ]/g, ""));
    const item = page.getByRole("listitem", { name: new RegExp(car.driver) });
    await item.getByRole("button", { name: "Check in" }).click();
    await expect(page.getByRole("status")).toHaveText("Checked in: 1 of 2");
    await expect(item).toContainText(new RegExp(`Already checked in at ${CLOCK.source}`));
    await expect(item.getByRole("button", { name: "Check in" })).toHaveCount(0);
  });

  test("finds a driver by the surname the list does not show, umlauts typed plainly, online and offline", async ({
    page,
    sql,
    loginAs,
  }) => {
    const world = await seedGate(sql, 3);
    const [schulz, mueller] = world.cars as [GateCar, GateCar];
    await nameDriver(sql, schulz, "Stefan Schulz", "Stefan S.");
    await nameDriver(sql, mueller, "Jürgen Müller", "Jürgen M.");
    await loginAs(page, world.gate);
    await page.goto(path(world.event.slug));
    const search = page.getByRole("searchbox", { name: "Search by plate, name or plaque" });
    const results = page.getByRole("list", { name: "Cars found" }).getByRole("listitem");
    const finds = async (query: string, car: GateCar) => {
      await search.fill(query);
      await expect(results).toHaveCount(1);
      await expect(results.first()).toHaveAccessibleName(`Plaque ${car.plaque} · ${car.driver}`);
    };
    await finds("Schulz", schulz);
    // The list shows the short name only; the surname is searched, never displayed.
    await expect(page.getByText("Schulz")).toHaveCount(0);
    await finds("muller", mueller);
    await finds("MUELLER", mueller);

    await page.context().setOffline(true);
    await expect(page.getByText("Offline: working from this phone's copy")).toBeVisible();
    await finds("schulz", schulz);
    await finds("mueller", mueller);
    await results.first().getByRole("button", { name: "Check in" }).click();
    await expect(results.first()).toContainText("Pending");
    await page.context().setOffline(false);
    await expect(page.getByRole("status")).toHaveText("Checked in: 1 of 3");
  });

  test("offline: two check-ins wait as pending and count once each when the signal returns; a second phone sees the count", async ({
    page,
    browser,
    sql,
    loginAs,
  }) => {
    const world = await seedGate(sql, 4);
    await loginAs(page, world.gate);
    await page.goto(path(world.event.slug));
    const second = await browser.newContext({
      ...devices["Pixel 7"],
      baseURL: process.env.E2E_BASE_URL,
      locale: "en-GB",
    });
    const other = await second.newPage();
    await loginAs(other, world.gate);
    await other.goto(path(world.event.slug));
    await expect(other.getByRole("status")).toHaveText("Checked in: 0 of 4");

    await page.context().setOffline(true);
    await expect(page.getByText("Offline: working from this phone's copy")).toBeVisible();
    const search = page.getByRole("searchbox", { name: "Search by plate, name or plaque" });
    for (const car of world.cars.slice(0, 2)) {
      await search.fill(String(car.plaque));
      const item = page.getByRole("listitem", { name: new RegExp(car.driver) });
      await item.getByRole("button", { name: "Check in" }).click();
      await expect(item).toContainText("Pending");
    }
    await expect(page.getByText("2 check-ins waiting to be sent")).toBeVisible();
    expect(await checkInRows(sql, world.event.id)).toBe(0);

    await page.context().setOffline(false);
    await expect(page.getByRole("status")).toHaveText("Checked in: 2 of 4");
    await expect(page.getByText(/waiting to be sent/)).toHaveCount(0);
    await expect(other.getByRole("status")).toHaveText("Checked in: 2 of 4");
    // Exactly once: a few polls later nothing was counted again.
    await page.waitForTimeout(7000);
    await expect(page.getByRole("status")).toHaveText("Checked in: 2 of 4");
    expect(await checkedInCount(sql, world.event.id)).toBe(2);
    expect(await checkInRows(sql, world.event.id)).toBe(2);
    await second.close();
  });
});

test.describe("gate check-in without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("searching and checking in are plain forms", async ({ page, sql, loginAs }) => {
    const world = await seedGate(sql, 2);
    const car = world.cars[1]!;
    await loginAs(page, world.gate);
    await page.goto(path(world.event.slug));
    await page.getByRole("searchbox", { name: "Search by plate, name or plaque" }).fill(car.driver);
    await page.getByRole("button", { name: "Search" }).click();
    await page
      .getByRole("listitem", { name: new RegExp(car.driver) })
      .getByRole("button", { name: "Check in" })
      .click();
    await expect(page.getByRole("alert").filter({ hasText: `Plaque ${car.plaque}` })).toContainText(
      /Checked in at \d\d:\d\d/,
    );
    await expect(page.getByRole("status")).toHaveText("Checked in: 1 of 2");
    await expect(page.getByRole("listitem", { name: new RegExp(car.driver) })).toContainText(
      /Already checked in at \d\d:\d\d by Gate /,
    );
  });

  test("the search finds a driver by surname, umlauts typed plainly", async ({ page, sql, loginAs }) => {
    const world = await seedGate(sql, 2);
    await nameDriver(sql, world.cars[1]!, "Jürgen Müller", "Jürgen M.");
    await loginAs(page, world.gate);
    await page.goto(path(world.event.slug));
    await page.getByRole("searchbox", { name: "Search by plate, name or plaque" }).fill("mueller");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("list", { name: "Cars found" }).getByRole("listitem")).toHaveCount(1);
    await expect(page.getByRole("listitem", { name: `Plaque 2 · Jürgen M.` })).toBeVisible();
  });
});

test("the offline copy is only for the event's gate, and signing out wipes it from the phone", async ({
  page,
  sql,
  loginAs,
  newUser,
}) => {
  const world = await seedGate(sql, 1);
  const data = `${path(world.event.slug)}/data`;
  expect((await page.request.get(data)).status()).toBe(401);
  await loginAs(page, await newUser());
  expect((await page.request.get(data)).status()).toBe(404);
  expect((await page.goto(path(world.event.slug)))?.status()).toBe(404);

  await page.context().clearCookies();
  await loginAs(page, world.gate);
  const copy = await (await page.request.get(data)).json();
  expect(copy).toMatchObject({ event: { id: world.event.id }, cars: [{ plaque: 1 }] });
  expect(JSON.stringify(copy)).not.toMatch(/@ringmeet\.test|WBS/);
  await page.goto(path(world.event.slug));
  const stored = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  await expect.poll(stored).toContain("ringmeet-check-in");
  // The service worker keeps the page itself too (for opening it with no signal).
  const pageKept = () =>
    page.evaluate(async () => (await (await caches.open("ringmeet-check-in-pages")).keys()).length > 0);
  await expect.poll(pageKept, { timeout: 20_000 }).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await stored()).not.toContain("ringmeet-check-in");
  expect(await page.evaluate(() => caches.has("ringmeet-check-in-pages"))).toBe(false);
});
