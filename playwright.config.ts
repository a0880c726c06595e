import { defineConfig, devices, type LaunchOptions } from "@playwright/test";

// The app under test is started by `npm test` (scripts/test.ts), which passes its address here.
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) {
  throw new Error(
    "E2E_BASE_URL is not set. Run the end-to-end tests with `npm test` (or `npm test -- e2e`), which builds and starts the app, " +
      "or start the app yourself and run `E2E_BASE_URL=http://localhost:PORT DATABASE_URL=postgres://… npm run test:e2e`.",
  );
}

// Debian's Chromium (see docs on the machine): Playwright's own browser download is unavailable.
const launchOptions: LaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e/specs",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores: three browsers keep both busy while one waits on the server.
  workers: 3,
  // Generous: axe and long journeys took 40–47 s when the 2-core machine was also building.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: { baseURL, trace: "retain-on-failure", locale: "en-GB" },
  projects: [
    // *.mobile.spec.ts run on the phone only, *.desktop.spec.ts on the desktop only, the rest on both.
    { name: "mobile", testIgnore: /\.desktop\.spec\.ts$/, use: { ...devices["Pixel 7"], launchOptions } },
    { name: "desktop", testIgnore: /\.mobile\.spec\.ts$/, use: { ...devices["Desktop Chrome"], launchOptions } },
  ],
});
