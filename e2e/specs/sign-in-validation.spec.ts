import { expect, test } from "../fixtures";
import { uniqueSuffix, type Sql } from "../fixtures/db";
import { SignInPage } from "../pages/sign-in-page";

/** Rows any table would hold had the app acted on `input`. */
async function rowsWritten(sql: Sql, input: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select (select count(*) from verification_tokens where identifier = ${input} or identifier = lower(${input}))
         + (select count(*) from dev_mail where lower("to") = lower(${input}))
         + (select count(*) from users where lower(email) = lower(${input})) as n`;
  return Number(row!.n);
}

test.describe("the sign-in form checks the address", () => {
  test("an empty address is refused with a message beside the field", async ({ page, sql }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.emailMeLink.click();
    await expect(await signIn.emailError()).toHaveText("Enter your e-mail address.");
    await expect(page).toHaveURL(/\/signin$/);
    expect(await rowsWritten(sql, "")).toBe(0);
  });

  test("a malformed address is refused, kept in the field, and nothing is sent", async ({ page, sql, mailbox }) => {
    const input = `not-an-email-${uniqueSuffix()}`;
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.email.fill(input);
    await signIn.emailMeLink.click();
    await expect(await signIn.emailError()).toContainText("Enter a valid e-mail address");
    await expect(signIn.email).toHaveValue(input);
    await expect(page).toHaveURL(/\/signin$/);
    expect(await rowsWritten(sql, input)).toBe(0);
    expect(await mailbox.list(input)).toEqual([]);
  });

  test("correcting the address clears the error and sends the link", async ({ page, mailbox }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.email.fill("not-an-email");
    await signIn.emailMeLink.click();
    await expect(signIn.email).toHaveAttribute("aria-invalid", "true");
    const address = `fixed-${uniqueSuffix()}@ringmeet.test`;
    // Spaces and capitals are forgiven: the address is trimmed and stored in lower case.
    await signIn.email.fill(`  ${address.toUpperCase()} `);
    await signIn.emailMeLink.click();
    await expect(page.getByRole("status")).toContainText(address);
    expect((await mailbox.waitForMessage(address)).to).toBe(address);
  });
});
