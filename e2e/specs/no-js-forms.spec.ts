import { expect, test } from "../fixtures";
import { uniqueSuffix } from "../fixtures/db";
import { carCount, insertCar, uniqueVin } from "../fixtures/garage";

// In the Eifel a form is often sent before the page's JavaScript has arrived: each of these
// forms must answer a plain POST, both with an error beside the field and with a saved result.
test.use({ javaScriptEnabled: false });

test("the car form shows an error beside the field, then saves, without JavaScript", async ({
  page,
  sql,
  account,
  loginAs,
}) => {
  await loginAs(page, account);
  await page.goto("/garage/new");
  await page.getByLabel("Model").selectOption("bmw-1m-e82");
  await page.getByLabel("Year").fill("2015");
  await page.getByLabel("Colour", { exact: true }).selectOption("Alpine White");
  await page.getByLabel("VIN").fill(uniqueVin());
  await page.getByLabel("Licence plate").fill("ahr-nr 1");
  await page.getByLabel("Country of registration").selectOption("DE");
  await page.getByRole("button", { name: "Save car" }).click();
  const year = page.getByLabel("Year");
  await expect(year).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/2011 to 2012/)).toBeVisible();
  expect(await carCount(sql, account.id)).toBe(0);

  await year.fill("2011");
  await page.getByRole("button", { name: "Save car" }).click();
  await expect(page).toHaveURL(/\/garage$/);
  await expect(page.getByText("AHR-NR 1")).toBeVisible();
  expect(await carCount(sql, account.id)).toBe(1);
});

test("removing a car works without JavaScript", async ({ page, sql, account, loginAs }) => {
  const car = await insertCar(sql, account.id);
  await loginAs(page, account);
  await page.goto(`/garage/${car.id}/edit?remove=1`);
  await page.getByRole("button", { name: "Yes, remove car" }).click();
  await expect(page).toHaveURL(/\/garage$/);
  expect(await carCount(sql, account.id)).toBe(0);
});

test("an admin invites by e-mail without JavaScript", async ({ page, sql, account, loginAs, mailbox }) => {
  const suffix = uniqueSuffix();
  const [club] = await sql<
    { id: string }[]
  >`insert into clubs (name, slug) values (${`NoJS Club ${suffix}`}, ${`nojs-club-${suffix}`}) returning id`;
  await sql`insert into club_members (club_id, user_id, role) values (${club!.id}, ${account.id}, 'admin')`;
  await loginAs(page, account);
  await page.goto(`/organise/clubs/nojs-club-${suffix}`);
  await page.getByLabel("Email").fill("not-an-address");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  const invitee = `invitee-${suffix}@ringmeet.test`;
  await page.getByLabel("Email").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  expect((await mailbox.waitForMessage(invitee)).subject).toContain(`NoJS Club ${suffix}`);
});

test("the event editor refuses a bad capacity beside the field, without JavaScript", async ({
  page,
  sql,
  account,
  loginAs,
}) => {
  const suffix = uniqueSuffix();
  const [club] = await sql<
    { id: string }[]
  >`insert into clubs (name, slug) values (${`NoJS Events ${suffix}`}, ${`nojs-events-${suffix}`}) returning id`;
  await sql`insert into club_members (club_id, user_id, role) values (${club!.id}, ${account.id}, 'organiser')`;
  await sql`insert into events (club_id, slug, name, starts_on, ends_on, registration_opens_at, registration_closes_at)
    values (${club!.id}, ${`nojs-${suffix}`}, ${`NoJS Meet ${suffix}`}, '2031-06-14', '2031-06-15', '2031-04-01', '2031-06-01')`;
  await sql`insert into event_sessions (event_id, name, kind, starts_at, ends_at, capacity)
    select id, 'Paddock', 'paddock', '2031-06-14 07:00Z', '2031-06-14 10:00Z', 30 from events where slug = ${`nojs-${suffix}`}`;
  await loginAs(page, account);
  await page.goto(`/organise/events/nojs-${suffix}/edit`);
  await page.getByLabel("Capacity").first().fill("0");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Capacity").first()).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Capacity").first().fill("40");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/saved/i)).toBeVisible();
  const [row] = await sql<
    { capacity: number }[]
  >`select capacity from event_sessions s join events e on e.id = s.event_id where e.slug = ${`nojs-${suffix}`}`;
  expect(row?.capacity).toBe(40);
});
