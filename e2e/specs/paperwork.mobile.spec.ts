import { devices } from "@playwright/test";
import { expect, test } from "../fixtures";
import { seedGate, type GateCar } from "../fixtures/check-in";
import { insertUser } from "../fixtures/db";
import type { Sql } from "../fixtures/db";
import { seedEvent, type SeededEvent } from "../fixtures/events";
import { registeredOwner } from "../fixtures/registrations";
import { pdfImageRows, pdfToText } from "@/test/poppler";

// Meet-day paperwork on a phone: the event asks an emergency contact, a question and the waiver;
// the owner does each from the registration page and downloads the signed waiver.

const WAIVER_EN = "## Risk\nI take part **at my own risk** on the Nordschleife.\n- Wear a helmet";

async function withPaperwork(sql: Sql, event: SeededEvent) {
  await sql`insert into event_paperwork (event_id, require_emergency_contact) values (${event.id}, true)`;
  await sql`insert into waiver_versions (event_id, version, text_en, text_de, sha256)
    values (${event.id}, 1, ${WAIVER_EN}, 'Ich nehme **auf eigene Gefahr** teil.', 'e2e')`;
  await sql`insert into event_questions (event_id, position, text, kind, required)
    values (${event.id}, 0, 'Dinner on Saturday?', 'yes_no', true)`;
}

/** Draws a stroke across the signature area, as a finger would. */
async function drawSignature(page: import("@playwright/test").Page) {
  const box = (await page.getByRole("img", { name: "Signature" }).boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 20 + i * 15, box.y + box.height / 2 + (i % 2 ? -20 : 20), { steps: 3 });
  await page.mouse.up();
}

test("an owner answers the question, adds an emergency contact and signs the waiver with a drawing", async ({
  page,
  browser,
  sql,
  loginAs,
}) => {
  const event = await seedEvent(sql);
  await withPaperwork(sql, event);
  const owner = await registeredOwner(sql, event, [{ sessionId: event.sessions[0]!.id, status: "confirmed" }]);
  await loginAs(page, owner);
  await page.goto(`/registrations/${owner.registrationId}`);
  const region = page.getByRole("region", { name: "Paperwork" });
  await expect(region.getByText("Paperwork: 3 of 3 to do")).toBeVisible();

  await region.getByRole("link", { name: "Answer the questions" }).click();
  await page.getByRole("group", { name: "Dinner on Saturday?" }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(region.getByText("Paperwork: 2 of 3 to do")).toBeVisible();

  await region.getByRole("link", { name: "Add driver details" }).click();
  await page.getByLabel("Emergency contact name").fill("Anna Müller");
  await page.getByLabel("Emergency contact phone").fill("+49 171 1234567");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(region.getByText("Paperwork: 1 of 3 to do")).toBeVisible();

  await region.getByRole("link", { name: "Sign the waiver" }).click();
  await expect(page.getByText("at my own risk")).toBeVisible();
  // Refused without the tick, beside it; the typed name stays.
  await page.getByRole("button", { name: "Sign waiver" }).click();
  await expect(page.getByText("Tick the box to accept the waiver.")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue(owner.fullName);
  await drawSignature(page);
  await page.getByRole("checkbox", { name: "I have read and accept the waiver" }).check();
  await page.getByRole("button", { name: "Sign waiver" }).click();
  await expect(region.getByText("Paperwork complete")).toBeVisible();

  const [stored] = await sql<{ signature: string | null; ip_address: string | null; user_agent: string | null }[]>`
    select signature, ip_address, user_agent from waiver_signatures where registration_id = ${owner.registrationId}`;
  expect(stored!.signature).toMatch(/^data:image\/png;base64,/);
  expect(stored!.user_agent).toContain("Mobile");

  const pdf = await page.request.get(`/registrations/${owner.registrationId}/waiver.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const body = await pdf.body();
  const text = pdfToText(body);
  expect(text).toContain("I take part at my own risk on the Nordschleife.");
  expect(text).toContain(owner.fullName);
  expect(pdfImageRows(body)).toHaveLength(1);
  // Nobody else gets it: another owner's session finds nothing there.
  const stranger = await registeredOwner(sql, event, []);
  const other = await browser.newPage();
  await loginAs(other, stranger);
  expect((await other.request.get(`/registrations/${owner.registrationId}/waiver.pdf`)).status()).toBe(404);
  await other.close();
});

test("the gate checks in a car whose paperwork is complete, holds back one without, and an organiser overrides", async ({
  page,
  browser,
  sql,
  loginAs,
}) => {
  const world = await seedGate(sql, 2);
  const [done, missing] = world.cars as [GateCar, GateCar];
  const [waiver] = await sql<{ id: string }[]>`insert into waiver_versions (event_id, version, text_en, text_de, sha256)
    values (${world.event.id}, 1, ${WAIVER_EN}, 'Auf eigene Gefahr.', 'e2e') returning id`;
  await sql`insert into waiver_signatures (registration_id, waiver_version_id, signer, full_name, text_sha256, language)
    values (${done.registrationId}, ${waiver!.id}, 'driver', 'Done Driver', 'e2e', 'en')`;
  const organiser = await insertUser(sql, { displayName: `Organiser ${done.plaque}` });
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${organiser.id}, 'organiser' from events where id = ${world.event.id}`;

  await loginAs(page, world.gate);
  await page.goto(`/organise/events/${world.event.slug}/check-in`);
  const search = page.getByRole("searchbox", { name: "Search by plate, name or plaque" });
  await search.fill(String(done.plaque));
  const ready = page.getByRole("listitem", { name: new RegExp(done.driver) });
  await expect(ready).toContainText("Paperwork complete");
  await ready.getByRole("button", { name: "Check in" }).click();
  await expect(page.getByRole("status")).toHaveText("Checked in: 1 of 2");

  await search.fill(String(missing.plaque));
  const held = page.getByRole("listitem", { name: new RegExp(missing.driver) });
  await expect(held).toContainText("Paperwork missing: driver's waiver");
  await expect(held).toContainText("an organiser can let the car in with a reason");
  await expect(held.getByRole("button", { name: /Check in/ })).toHaveCount(0);

  const organiserPage = await browser.newPage({ ...devices["Pixel 7"] });
  await loginAs(organiserPage, organiser);
  await organiserPage.goto(`/organise/events/${world.event.slug}/check-in?q=${missing.plaque}`);
  const item = organiserPage.getByRole("listitem", { name: new RegExp(missing.driver) });
  await item.getByLabel("Reason").fill("Signed the paper waiver at the gate");
  await item.getByRole("button", { name: "Override and check in" }).click();
  await expect(organiserPage.getByRole("status")).toHaveText("Checked in: 2 of 2");
  const [audit] = await sql<{ reason: string }[]>`
    select reason from audit_log where registration_id = ${missing.registrationId} and action = 'checkInOverride'`;
  expect(audit?.reason).toBe("Signed the paper waiver at the gate");
  await organiserPage.close();
});

test("a second driver signs from the mailed link, without an account, once", async ({
  page,
  browser,
  sql,
  loginAs,
  mailbox,
}) => {
  const event = await seedEvent(sql);
  const owner = await registeredOwner(sql, event, [{ sessionId: event.sessions[0]!.id, status: "confirmed" }]);
  const second = `second-${owner.registrationId.slice(0, 8)}@ringmeet.test`;
  await sql`update registrations set second_driver_name = 'Mia Beifahrer', second_driver_email = ${second} where id = ${owner.registrationId}`;
  const organiser = await insertUser(sql);
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${organiser.id}, 'admin' from events where id = ${event.id}`;
  await loginAs(page, organiser);
  await page.goto(`/organise/events/${event.slug}/paperwork`);
  await page.getByLabel("Waiver (English)").fill(WAIVER_EN);
  await page.getByLabel("Waiver (German)").fill("Ich nehme **auf eigene Gefahr** teil.");
  await page.getByRole("button", { name: "Save paperwork" }).click();
  await expect(page.getByText("The paperwork is saved.")).toBeVisible();

  const mail = await mailbox.waitForMessage(second);
  expect(mail.subject).toMatch(/^Please sign the waiver/);
  const phone = await browser.newPage({ ...devices["Pixel 7"] });
  await phone.goto(mail.links[0]!);
  await expect(phone.getByText("at my own risk")).toBeVisible();
  await expect(phone.getByLabel("Full name")).toHaveValue("Mia Beifahrer");
  await phone.getByRole("checkbox", { name: "I have read and accept the waiver" }).check();
  await phone.getByRole("button", { name: "Sign waiver" }).click();
  await expect(phone.getByText("Signed. Thank you")).toBeVisible();
  await phone.goto(mail.links[0]!);
  await expect(phone.getByText("This link has been used already")).toBeVisible();
  const [signed] = await sql<{ n: number }[]>`select count(*)::int as n from waiver_signatures
    where registration_id = ${owner.registrationId} and signer = 'second_driver' and email = ${second}`;
  expect(signed!.n).toBe(1);
  await phone.close();
});

test("the gate reads a checked-in driver's emergency contact online and offline, and the cached page holds none", async ({
  page,
  sql,
  loginAs,
}) => {
  const world = await seedGate(sql, 1);
  const [car] = world.cars as [GateCar];
  const phone = `+49 171 ${String(car.plaque).padStart(3, "0")}${Date.now() % 10000}`;
  await sql`update registrations set checked_in_at = now(),
    driver_details = ${sql.json({ emergencyName: "Anna Notfall", emergencyPhone: phone })}
    where id = ${car.registrationId}`;

  await loginAs(page, world.gate);
  const gatePath = `/organise/events/${world.event.slug}/check-in`;
  await page.goto(gatePath);
  const search = page.getByRole("searchbox", { name: "Search by plate, name or plaque" });
  await search.fill(String(car.plaque));
  await expect(page.getByRole("link", { name: phone })).toBeVisible();
  // The page's HTML, which the service worker keeps for offline use, never carries the contact.
  expect(await (await page.request.get(gatePath)).text()).not.toContain(phone);

  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload(); // the first visit installed the service worker; this one is kept by it
  await expect
    .poll(() => page.evaluate(async (p) => !!(await caches.match(p, { ignoreSearch: true })), gatePath))
    .toBe(true);
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByText("Offline: working from this phone's copy")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search by plate, name or plaque" }).fill(String(car.plaque));
  await expect(page.getByRole("link", { name: phone })).toBeVisible();
  await page.context().setOffline(false);
});
