import { expect, test } from "../fixtures";
import { seedConfirmedCar, seedEvent } from "../fixtures/events";
import { registeredOwner } from "../fixtures/registrations";

test("an organiser numbers the cars, changes one plaque, and writes to everyone confirmed", async ({
  page,
  sql,
  account,
  loginAs,
  mailbox,
}) => {
  const event = await seedEvent(sql);
  const [paddock] = event.sessions.map((s) => s.id) as [string];
  await sql`insert into club_members (club_id, user_id, role) select club_id, ${account.id}, 'organiser' from events where id = ${event.id}`;
  await seedConfirmedCar(sql, event, [paddock], 1);
  const first = await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
  const second = await registeredOwner(sql, event, [{ sessionId: paddock, status: "confirmed" }]);
  const waiting = await registeredOwner(sql, event, [{ sessionId: paddock, status: "waiting" }]);

  await loginAs(page, account);
  await page.goto(`/organise/events/${event.slug}/edit`);
  await page.getByRole("link", { name: "Plaques" }).click();
  await page.getByRole("button", { name: "Assign plaques" }).click();
  await expect(page.getByText("2 plaques assigned.")).toBeVisible();
  await expect(page.getByLabel(`Plaque number for ${first.car.plate}`)).toHaveValue("2");
  await expect(page.getByLabel(`Plaque number for ${second.car.plate}`)).toHaveValue("3");
  await expect(page.getByLabel(`Plaque number for ${waiting.car.plate}`)).toHaveValue("");

  const field = page.getByLabel(`Plaque number for ${second.car.plate}`);
  await field.fill("2");
  await page.locator(`[id="p-${second.registrationId}"]`).getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel(`Plaque number for ${second.car.plate}`)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Another car of this event has this number")).toBeVisible();
  await page.getByLabel(`Plaque number for ${second.car.plate}`).fill("17");
  await page.locator(`[id="p-${second.registrationId}"]`).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Plaque changed.")).toBeVisible();
  const [row] = await sql<{ plaque: number }[]>`select plaque from registrations where id = ${second.registrationId}`;
  expect(row?.plaque).toBe(17);

  await page.goto(`/organise/events/${event.slug}/broadcast`);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Everyone with a confirmed place").check();
  await page.getByLabel("Subject").fill("Gate opens at 7:00");
  await page.getByLabel("Message", { exact: true }).fill("Bring your plaque and your licence.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText(/Message queued for 3 owners/)).toBeVisible();
  for (const owner of [first, second]) {
    const mail = await mailbox.waitForMessage(owner.email, { timeout: 20_000 });
    expect(mail.subject).toBe("Gate opens at 7:00");
    expect(mail.text).toContain("Bring your plaque and your licence.");
  }
  expect(await mailbox.list(waiting.email)).toHaveLength(0);
  // The record says who got it, once the worker has sent to all three.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("list", { name: "Sent messages" })).toContainText("3 of 3 sent", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("list", { name: "Sent messages" })).toContainText("Gate opens at 7:00");
});
