import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import { expect, test } from "../fixtures";
import { GP1, GP2, PADDOCK, seedRosterMeet } from "../fixtures/roster";

const COLUMNS = ["Plaque", "Driver", "Car", "Colour", "Plate", "Sessions", "Status", "Paperwork", "Checked in"];

test.describe("the organiser's roster", () => {
  test("search the 92 cars by plate, move one car between GP sessions, and see the audit entry", async ({
    page,
    sql,
    loginAs,
  }) => {
    const meet = await seedRosterMeet(sql);
    const car = meet.cars[82]!; // plaque 83, in GP 2; no other plate contains its plate
    await loginAs(page, meet.organiser);
    await page.goto(`/organise/events/${meet.event.slug}/roster`);
    await expect(page.getByRole("heading", { level: 1, name: `Roster: ${meet.event.name}` })).toBeVisible();
    for (const name of COLUMNS) await expect(page.getByRole("columnheader", { name, exact: true })).toBeVisible();
    await expect(page.getByTestId("roster-total")).toHaveText("92 cars");
    const gp1 = page.getByTestId("roster-session").filter({ hasText: GP1 });
    await expect(gp1).toContainText("23 / 30");

    await page.getByRole("textbox", { name: "Search" }).fill(car.plate.toLowerCase().replace(" ", ""));
    await page.getByRole("textbox", { name: "Search" }).press("Enter");
    await expect(page.getByTestId("roster-total")).toHaveText("1 car");
    const row = page.getByTestId("roster-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(car.plate);
    await expect(row.getByRole("cell").nth(5)).toHaveText("Confirmed");

    await row.getByRole("link", { name: car.driver }).click();
    await expect(page.getByRole("heading", { level: 1, name: car.driver })).toBeVisible();
    const from = page.getByLabel("From session");
    await from.selectOption({ label: (await from.locator("option", { hasText: GP2 }).textContent())! });
    const to = page.getByLabel("To session");
    await to.selectOption({ label: (await to.locator("option", { hasText: GP1 }).textContent())! });
    await page.getByLabel("Reason (optional)").fill("Swapped with a friend");
    await page.getByRole("button", { name: "Move car" }).click();
    await expect(page.getByRole("status")).toContainText("1 car moved.");
    await expect(page.getByRole("list", { name: "Places" })).toContainText(GP1);
    await expect(page.getByRole("list", { name: "Places" })).not.toContainText(GP2);
    const history = page.getByTestId("audit-log");
    await expect(history).toContainText(`moved #83 ${car.driver} (${car.plate}) from ${GP2} to ${GP1} (Confirmed)`);
    await expect(history).toContainText("Reason: Swapped with a friend");

    await page.getByRole("link", { name: "Back to the roster" }).click();
    await expect(page.getByTestId("audit-log")).toContainText(`from ${GP2} to ${GP1}`);
    await expect(gp1).toContainText("24 / 30");
    const [place] = await sql<
      { status: string }[]
    >`select rs.status from registration_sessions rs join event_sessions es on es.id = rs.session_id
      where rs.registration_id = ${car.registrationId} and es.name = ${GP1}`;
    expect(place?.status).toBe("confirmed");
  });

  test("export the CSV and read it back: BOM, header, one row per car", async ({ page, sql, loginAs }) => {
    const meet = await seedRosterMeet(sql);
    await sql`update users set full_name = '=HYPERLINK("x")' where email = ${meet.cars[1]!.email}`;
    await loginAs(page, meet.organiser);
    await page.goto(`/organise/events/${meet.event.slug}/roster`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${meet.event.slug}-roster.csv`);
    const text = await readFile((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(COLUMNS.join(","));
    expect(lines).toHaveLength(93);
    const first = meet.cars[0]!;
    expect(lines[1]).toBe(
      `1,${first.driver},BMW 1M Coupé,Alpine White,${first.plate},"${PADDOCK}; Photo session, GP straight; Corso, Nordschleife behind the pace car; ${GP1}",Confirmed,,`,
    );
    expect(lines[2]).toMatch(/^2,"'=HYPERLINK\(""x""\)",/);

    const gp1 = await page.request.get(
      `/organise/events/${meet.event.slug}/roster.csv?session=${meet.event.sessions.find((s) => s.name === GP1)!.id}`,
    );
    expect(gp1.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(gp1.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
    const gpLines = (await gp1.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(gpLines[0]).toBe("Position,Plaque,Driver,Car,Colour,Plate,Status");
    expect(gpLines).toHaveLength(24);
  });

  test("gate staff read the roster but cannot export or change it", async ({ page, sql, loginAs }) => {
    const meet = await seedRosterMeet(sql, 12);
    await loginAs(page, meet.gate);
    await page.goto(`/organise/events/${meet.event.slug}/roster`);
    await expect(page.getByTestId("roster-total")).toHaveText("12 cars");
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Apply to selected cars" })).toHaveCount(0);
    expect((await page.request.get(`/organise/events/${meet.event.slug}/roster.csv`)).status()).toBe(404);
    await page.getByRole("link", { name: meet.cars[0]!.driver }).click();
    await expect(page.getByText("You may read the roster; changes are for the event's organisers.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Move car" })).toHaveCount(0);
    await expect(page.getByText(meet.cars[0]!.email)).toHaveCount(0);
  });

  // What the CSV refuses them, the live table's JSON must not hand out page by page either.
  test("gate staff get no owner's e-mail from the roster's data, and cannot search by one", async ({
    page,
    sql,
    loginAs,
  }) => {
    const meet = await seedRosterMeet(sql, 4);
    const data = (q = "") =>
      page.request.get(`/organise/events/${meet.event.slug}/roster/data${q ? `?q=${encodeURIComponent(q)}` : ""}`);
    await loginAs(page, meet.gate);
    const all = await data();
    expect(all.status()).toBe(200);
    const body = await all.json();
    expect(body.rows.map((r: { driver: string }) => r.driver)).toEqual(meet.cars.map((c) => c.driver));
    expect(JSON.stringify(body)).not.toContain("@ringmeet.test");
    expect((await (await data(meet.cars[2]!.email)).json()).total).toBe(0);
    expect((await (await data(meet.cars[2]!.plate)).json()).total).toBe(1);

    await page.context().clearCookies();
    await loginAs(page, meet.organiser);
    expect((await (await data(meet.cars[2]!.email)).json()).rows).toMatchObject([{ email: meet.cars[2]!.email }]);
  });

  test("another club's organiser gets the not-found page", async ({ page, sql, loginAs, newUser }) => {
    const meet = await seedRosterMeet(sql, 3);
    await loginAs(page, await newUser());
    expect((await page.goto(`/organise/events/${meet.event.slug}/roster`))?.status()).toBe(404);
    expect((await page.request.get(`/organise/events/${meet.event.slug}/roster/data`)).status()).toBe(404);
  });

  test("remove two cars at once with a reason; the owners are told and the counts follow", async ({
    page,
    sql,
    loginAs,
    mailbox,
  }) => {
    const meet = await seedRosterMeet(sql, 10);
    await loginAs(page, meet.organiser);
    await page.goto(`/organise/events/${meet.event.slug}/roster`);
    // The bulk move's choices carry each session's counts (one value missing printed the message's key).
    await expect(page.getByLabel("To session").locator("option", { hasText: PADDOCK })).toHaveText(
      `${PADDOCK} · 10/120, 0 waiting`,
    );
    for (const car of meet.cars.slice(0, 2)) await page.getByRole("checkbox", { name: `Select ${car.driver}` }).check();
    await page.getByLabel("Action").selectOption("remove");
    await page.getByLabel("Reason", { exact: true }).fill("Entry fee not paid");
    await page.getByRole("button", { name: "Apply to selected cars" }).click();
    await expect(page.getByRole("status")).toContainText("2 registrations removed.");
    await expect(page.getByTestId("roster-session").filter({ hasText: PADDOCK })).toContainText("8 / 120");
    await expect(page.getByTestId("roster-row").filter({ hasText: meet.cars[0]!.driver })).toContainText("Cancelled");
    await expect(page.getByTestId("audit-log")).toContainText("Reason: Entry fee not paid");
    const mail = await mailbox.waitForMessage(meet.cars[1]!.email, { timeout: 20_000 });
    expect(mail.subject).toMatch(/^Registration cancelled by the organiser/);
    expect(mail.text).toContain("Reason: Entry fee not paid");
  });

  test("stays live: a check-in made elsewhere shows up without reloading", async ({ page, sql, loginAs }) => {
    const meet = await seedRosterMeet(sql, 5);
    await loginAs(page, meet.organiser);
    await page.goto(`/organise/events/${meet.event.slug}/roster`);
    await expect(page.getByTestId("roster-checked-in")).toHaveText("Checked in: 0 of 5");
    await sql`update registrations set checked_in_at = (current_date + time '08:05') at time zone 'Europe/Berlin' where id = ${meet.cars[2]!.registrationId}`;
    await expect(page.getByTestId("roster-checked-in")).toHaveText("Checked in: 1 of 5", { timeout: 15_000 });
    await expect(page.getByTestId("roster-row").nth(2).getByRole("cell").last()).toHaveText("08:05");
  });

  test("axe finds no WCAG 2.1 AA violations on the roster and a registration's page", async ({
    page,
    sql,
    loginAs,
  }) => {
    const meet = await seedRosterMeet(sql, 30);
    await loginAs(page, meet.organiser);
    for (const path of [
      `/organise/events/${meet.event.slug}/roster`,
      `/organise/events/${meet.event.slug}/roster/${meet.cars[0]!.registrationId}`,
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
      expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual(
        [],
      );
    }
  });
});
