import { createHash } from "node:crypto";
import { expect, test } from "../fixtures";
import { seedEvent } from "../fixtures/events";
import { insertOwner, type Owner } from "../fixtures/registrations";

const HOT = "GP track session 1";
const QUIET = "GP track session 2";

/** A ballot entry written straight to the database, as if entered earlier: its ranked choices. */
async function insertEntry(sql: Parameters<typeof seedEvent>[0], eventId: string, owner: Owner, ranking: string[]) {
  const [reg] = await sql<
    { id: string }[]
  >`insert into registrations (event_id, car_id, owner_id) values (${eventId}, ${owner.car.id}, ${owner.id}) returning id`;
  for (const [i, sessionId] of ranking.entries())
    await sql`insert into entry_choices (registration_id, session_id, rank) values (${reg!.id}, ${sessionId}, ${i + 1})`;
}

test("a small ballot: the seed is committed before entries, the organiser draws and publishes, every run is public, everyone is e-mailed", async ({
  page,
  sql,
  account,
  loginAs,
  mailbox,
}) => {
  const event = await seedEvent(sql, {
    sessions: [
      { name: HOT, start: "09:00", end: "09:30", capacity: 1 },
      { name: QUIET, start: "10:00", end: "10:30", capacity: 2 },
    ],
  });
  const [hot, quiet] = event.sessions.map((s) => s.id) as [string, string];
  await sql`update events set allocation = 'lottery' where id = ${event.id}`;
  const [club] = await sql<{ club_id: string }[]>`select club_id from events where id = ${event.id}`;
  await sql`insert into club_members (club_id, user_id, role) values (${club!.club_id}, ${account.id}, 'organiser')`;

  await page.goto(`/events/${event.slug}`);
  await expect(page.getByText(/This meet is a ballot/)).toBeVisible();

  // Before any entry the public draw page shows the seed's SHA-256, never the seed.
  const [commitment] = await sql<
    { seed: string; seed_hash: string }[]
  >`select seed, seed_hash from draw_commitments where event_id = ${event.id}`;
  await page.getByRole("link", { name: "How the draw works" }).click();
  await expect(page.getByRole("heading", { name: "Seed commitment" })).toBeVisible();
  await expect(page.getByText(commitment!.seed_hash)).toBeVisible();
  await expect(page.getByText(/No run yet/)).toBeVisible();
  expect(await page.content()).not.toContain(commitment!.seed);

  // One owner enters through the form, ranking the hot session first.
  const entrant = await insertOwner(sql);
  await loginAs(page, entrant);
  await page.goto(`/events/${event.slug}/register`);
  await expect(page.getByText(/This meet is a ballot/)).toBeVisible();
  await page.getByLabel("1st choice").selectOption(hot);
  await page.getByLabel("2nd choice").selectOption(hot);
  await page.getByLabel("I accept the event rules").check();
  await page.getByRole("button", { name: "Enter the ballot" }).click();
  await expect(page.getByLabel("2nd choice")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("2nd choice").selectOption(quiet);
  await page.getByLabel("I accept the event rules").check();
  await page.getByRole("button", { name: "Enter the ballot" }).click();
  await expect(page).toHaveURL(/\/registrations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("list", { name: "Your choices" }).getByRole("listitem")).toHaveText([
    new RegExp(`1st choice: ${HOT}`),
    new RegExp(`2nd choice: ${QUIET}`),
  ]);
  const entryMail = await mailbox.waitForMessage(entrant.email, { timeout: 20_000 });
  expect(entryMail.subject).toMatch(/^Ballot entry received/);

  // Three more entries, all wanting the hot session most; then the window closes.
  const others = [await insertOwner(sql), await insertOwner(sql), await insertOwner(sql)];
  for (const owner of others) await insertEntry(sql, event.id, owner, [hot, quiet]);
  await sql`update events set registration_closes_at = now() - interval '1 minute' where id = ${event.id}`;

  await loginAs(page, account);
  await page.goto(`/organise/events/${event.slug}/draw`);
  await expect(page.getByText("4 entries")).toBeVisible();
  // Nobody picks the seed: the organiser sees only its hash, and the run uses it.
  await expect(page.getByLabel("Seed")).toHaveCount(0);
  await expect(page.getByText(commitment!.seed_hash)).toBeVisible();
  await page.getByRole("button", { name: "Run draw" }).click();
  // One hot place and two quiet ones: three cars get a place, one gets nothing.
  await expect(page.getByText(`Latest run, seed ${commitment!.seed}`)).toBeVisible();
  await expect(page.locator("dd").filter({ hasText: "/ 4" }).first()).toHaveText(/^3/);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published on" })).toBeVisible();
  await expect(page.getByText(/Published on/)).toHaveCount(1); // said once, not in the heading too
  await expect(page.getByRole("button", { name: /Run again/ })).toHaveCount(0);

  for (const owner of [entrant, ...others]) {
    // The entrant's newest mail is the entry's until the result's arrives.
    const after = owner === entrant ? { after: entryMail } : {};
    const mail = await mailbox.waitForMessage(owner.email, { timeout: 20_000, ...after });
    expect(mail.subject).toBe(`Ballot result: ${event.name}`);
    expect(mail.text).toMatch(/Your draw position: [1-4]\b/);
  }
  const [counts] = await sql<{ confirmed: number; waiting: number }[]>`
    select count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'waiting')::int as waiting
    from registration_sessions where session_id in (${hot}, ${quiet})`;
  expect(counts).toEqual({ confirmed: 3, waiting: 5 });

  // The public page now lists the run with the revealed seed, checked against the commitment.
  await page.goto(`/events/${event.slug}/draw`);
  await expect(page.getByText(commitment!.seed_hash)).toBeVisible();
  const runs = page.getByRole("list", { name: "Every run" }).getByRole("listitem");
  await expect(runs).toHaveCount(1);
  await expect(runs.first().getByText(commitment!.seed)).toBeVisible();
  await expect(runs.first().getByText("Its SHA-256 is the committed hash.")).toBeVisible();
  await expect(runs.first().getByText(/^Published \d{4}-/)).toBeVisible();
  await expect(page.getByText("mcf-1")).toBeVisible();
  // Anyone can check the run: the two downloads hash to the hashes shown, and name nobody.
  for (const [link, label] of [
    ["Input of run 1 (JSON)", "Input hash"],
    ["Result of run 1 (JSON)", "Result hash"],
  ] as const) {
    const response = await page.request.get(
      (await runs.first().getByRole("link", { name: link }).getAttribute("href"))!,
    );
    expect(response.status()).toBe(200);
    const body = await response.text();
    const shown = await runs
      .first()
      .locator("dt", { hasText: label })
      .locator("xpath=following-sibling::dd[1]")
      .innerText();
    expect(createHash("sha256").update(body).digest("hex")).toBe(shown.trim());
    for (const owner of [entrant, ...others]) expect(body).not.toContain(owner.email);
  }
  await expect(page.getByText(/Your draw position/)).toHaveCount(0); // the organiser entered no car

  // The roster's log says what happened: a run and a published draw with its seed, no blank session.
  await page.goto(`/organise/events/${event.slug}/roster`);
  const log = page.getByTestId("audit-log");
  await expect(log.getByText(new RegExp(`published the draw, seed ${commitment!.seed}`))).toBeVisible();
  await expect(log.getByText(new RegExp(`ran the draw, seed ${commitment!.seed}`))).toBeVisible();
  await expect(log).not.toContainText("waiting list of .");
});

test("a first-come event's draw page says there is no draw, and shows no seed", async ({ page, sql }) => {
  const event = await seedEvent(sql);
  await page.goto(`/events/${event.slug}/draw`);
  await expect(
    page.getByText("This event takes registrations first come, first served: there is no draw."),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Seed commitment" })).toHaveCount(0);
});
