import { expect, test, type TestUser } from "../fixtures";
import type { Sql } from "../fixtures/db";
import { seedEvent, type SeededEvent } from "../fixtures/events";
import { registeredOwner } from "../fixtures/registrations";

const ORIGIN = new URL(process.env.E2E_BASE_URL!).origin;

/** A "registration received" mail to `owner` that the mail server refused for good, as the worker records it. */
async function refusedMail(sql: Sql, event: SeededEvent, owner: { id: string; email: string; registrationId: string }) {
  const [row] = await sql<{ id: string }[]>`
    insert into mail_outbox (kind, payload, recipient, user_id, registration_id, event_id, status, attempts, subject, last_error, failed_at)
    values ('registrationReceived', ${sql.json({ kind: "registrationReceived", registrationId: owner.registrationId, to: "owner" })}, ${owner.email}, ${owner.id},
      ${owner.registrationId}, ${event.id}, 'failed', 1, ${`Registration received: ${event.name}`}, '550 5.1.1 Mailbox unavailable', now())
    returning id`;
  return row!.id;
}

const member = (sql: Sql, event: SeededEvent, user: TestUser, role: string) =>
  sql`insert into club_members (club_id, user_id, role) select club_id, ${user.id}, ${role} from events where id = ${event.id}`;

test("an organiser sees a refused mail under Mail problems with its reason, and Retry delivers it", async ({
  page,
  sql,
  account,
  loginAs,
  mailbox,
}) => {
  const event = await seedEvent(sql);
  await member(sql, event, account, "organiser");
  const owner = await registeredOwner(sql, event, [{ sessionId: event.sessions[0]!.id, status: "confirmed" }]);
  await refusedMail(sql, event, owner);

  await loginAs(page, account);
  await page.goto(`/organise/events/${event.slug}/edit`);
  await page.getByRole("link", { name: "Mail problems" }).click();
  await expect(page.getByRole("heading", { name: "Mail problems" })).toBeVisible();
  const line = page.getByTestId("mail-problem");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(owner.email);
  await expect(line).toContainText(`Registration received: ${event.name}`);
  await expect(line).toContainText("550 5.1.1 Mailbox unavailable");

  await line.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText("The e-mail is queued again.")).toBeVisible();
  const mail = await mailbox.waitForMessage(owner.email, { timeout: 20_000 });
  expect(mail.subject).toBe(`Registration received: ${event.name}`);
  await page.reload();
  await expect(page.getByText("No mail problems")).toBeVisible();
  const [audit] = await sql<
    { actor_id: string }[]
  >`select actor_id from audit_log where event_id = ${event.id} and action = 'mail.retry'`;
  expect(audit?.actor_id).toBe(account.id);
});

test("gate staff and another club's organiser get 'not found' for the page and for its Retry", async ({
  page,
  browser,
  sql,
  account,
  newUser,
  loginAs,
}) => {
  const event = await seedEvent(sql);
  await member(sql, event, account, "organiser");
  const owner = await registeredOwner(sql, event, [{ sessionId: event.sessions[0]!.id, status: "confirmed" }]);
  const mailId = await refusedMail(sql, event, owner);

  // The Retry form as the organiser's page carries it: its hidden action fields, as a browser without JavaScript sends them.
  await loginAs(page, account);
  const html = await (await page.request.get(`/organise/events/${event.slug}/mail`)).text();
  const form = html.slice(html.lastIndexOf("<form", html.indexOf(">Retry<")), html.indexOf(">Retry<"));
  const hidden = Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
      name!,
      (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
    ]),
  );
  expect(
    Object.keys(hidden).some((name) => name.startsWith("$ACTION_")),
    "the Retry form's action fields",
  ).toBe(true);

  const gate = await newUser();
  await member(sql, event, gate, "gate");
  const stranger = await newUser();
  const otherClub = await seedEvent(sql);
  await member(sql, otherClub, stranger, "organiser");
  for (const who of [gate, stranger]) {
    const context = await browser.newContext();
    const theirs = await context.newPage();
    await loginAs(theirs, who);
    expect((await theirs.goto(`/organise/events/${event.slug}/mail`))?.status()).toBe(404);
    const forged = await theirs.request.post(`/organise/events/${event.slug}/mail`, {
      headers: { Origin: ORIGIN },
      multipart: hidden,
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(404);
    await context.close();
  }
  const [row] = await sql<{ status: string }[]>`select status from mail_outbox where id = ${mailId}`;
  expect(row?.status).toBe("failed");
  expect(await sql`select 1 from audit_log where event_id = ${event.id} and action = 'mail.retry'`).toHaveLength(0);
});
