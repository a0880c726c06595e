import { expect, test } from "../fixtures";
import { insertUser, type Sql } from "../fixtures/db";
import { seedEvent, type SeededEvent } from "../fixtures/events";

const CORSO = "Corso, Nordschleife behind the pace car";
const CARS = [
  { plaque: 1, colour: "Valencia Orange", plate: "GRID 1" },
  { plaque: 2, colour: "Alpine White", plate: "GRID 2" },
  { plaque: 3, colour: "Valencia Orange", plate: "GRID 3" },
  { plaque: 4, colour: "Alpine White", plate: "GRID 4" },
];

/** Four confirmed cars in the Corso, alternating colours, each with a plaque. */
async function seedCorso(sql: Sql, event: SeededEvent) {
  const session = event.sessions[0]!.id;
  for (const c of CARS) {
    const owner = await insertUser(sql, { fullName: `Driver ${c.plaque}` });
    const [car] = await sql<
      { id: string }[]
    >`insert into cars (owner_id, model, year, colour, plate, plate_country) values (${owner.id}, 'bmw-1m-e82', 2011, ${c.colour}, ${`${c.plate} ${event.id.slice(0, 4)}`}, 'DE') returning id`;
    const [reg] = await sql<
      { id: string }[]
    >`insert into registrations (event_id, car_id, owner_id, plaque) values (${event.id}, ${car!.id}, ${owner.id}, ${c.plaque}) returning id`;
    await sql`insert into registration_sessions (registration_id, session_id, status) values (${reg!.id}, ${session}, 'confirmed')`;
  }
  return session;
}

test("an organiser lines the Corso up in colour blocks, moves a car, and prints and exports the grid", async ({
  page,
  sql,
  account,
  loginAs,
}) => {
  const event = await seedEvent(sql, { sessions: [{ name: CORSO, start: "18:00", end: "19:00", capacity: 10 }] });
  const session = await seedCorso(sql, event);
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${account.id}, 'organiser' from events where id = ${event.id}`;
  await loginAs(page, account);
  await page.goto(`/organise/events/${event.slug}/edit`);
  await page.getByRole("link", { name: CORSO }).click();
  const grid = page.getByRole("list", { name: "Grid order" }).getByRole("listitem");
  await expect(grid).toHaveText([/^1Pace car/, /^21Driver 1/, /^32Driver 2/, /^43Driver 3/, /^54Driver 4/]);

  await page.getByLabel("Position of Alpine White").fill("1");
  await page.getByLabel("Position of Valencia Orange").fill("2");
  await page.getByRole("button", { name: "Generate order" }).click();
  await expect(page.getByText("New order generated and saved.")).toBeVisible();
  await expect(grid).toHaveText([/Pace car/, /Driver 2/, /Driver 4/, /Driver 1/, /Driver 3/]);

  // By keyboard: focus "move down" on the first car and press Enter.
  await page.getByRole("button", { name: /^Move GRID 2 .* down from position 2$/ }).focus();
  await page.keyboard.press("Enter");
  await expect(grid).toHaveText([/Pace car/, /Driver 4/, /Driver 2/, /Driver 1/, /Driver 3/]);
  // By dragging the last car onto the first car's row.
  await grid.nth(4).dragTo(grid.nth(1));
  await expect(page.getByRole("status").filter({ hasText: "Saving" })).toHaveCount(0);
  await page.reload();
  await expect(grid).toHaveText([/Pace car/, /Driver 3/, /Driver 4/, /Driver 2/, /Driver 1/]);

  await page.getByRole("link", { name: "Print" }).click();
  await expect(page.getByRole("row")).toHaveCount(6);
  await expect(page.getByRole("row").nth(2)).toContainText("Driver 3");

  const here = `/organise/events/${event.slug}/grid/${session}`;
  const csv = await page.request.get(`${here}/grid.csv`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await csv.text()).split("\r\n");
  expect(lines[0]).toBe("\uFEFFPosition,Plaque,Driver,Car,Colour,Plate");
  expect(lines[1]).toBe("1,,Pace car,,,");
  expect(lines[2]).toMatch(/^2,3,Driver 3,BMW 1M Coupé,Valencia Orange,GRID 3 /);
  const pdf = await page.request.get(`${here}/grid.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("gate staff see the grid but cannot change it; a stranger gets not found", async ({
  page,
  sql,
  account,
  newUser,
  loginAs,
}) => {
  const event = await seedEvent(sql, { sessions: [{ name: CORSO, start: "18:00", end: "19:00", capacity: 10 }] });
  const session = await seedCorso(sql, event);
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${account.id}, 'gate' from events where id = ${event.id}`;
  await loginAs(page, account);
  await page.goto(`/organise/events/${event.slug}/grid/${session}`);
  await expect(page.getByRole("list", { name: "Grid order" }).getByRole("listitem")).toHaveCount(5);
  await expect(page.getByRole("button", { name: "Generate order" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);

  await loginAs(page, await newUser());
  expect((await page.goto(`/organise/events/${event.slug}/grid/${session}`))?.status()).toBe(404);
  expect((await page.request.get(`/organise/events/${event.slug}/grid/${session}/grid.csv`)).status()).toBe(404);
});
