import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../fixtures";
import type { Sql } from "../fixtures/db";
import { seedEvent, type SeededEvent } from "../fixtures/events";
import { registeredOwner } from "../fixtures/registrations";

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
  request,
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
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "e2e-waiver-")), "waiver.pdf");
  writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  expect(text).toContain("I take part at my own risk on the Nordschleife.");
  expect(text).toContain(owner.fullName);
  const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).split("\n").slice(2);
  expect(images.filter((row) => row.trim().split(/\s+/)[2] === "image")).toHaveLength(1);
  // Nobody else gets it: a request without the owner's session is not found.
  expect((await request.get(`/registrations/${owner.registrationId}/waiver.pdf`)).status()).toBe(404);
});
