import { expect, test } from "../fixtures";

// Chromium's virtual authenticator stands in for the phone's fingerprint or screen lock.
test("add a passkey on the account page, then sign in with it", async ({ page, sql, account, loginAs }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await loginAs(page, account);
  await page.goto("/account");
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Passkeys" }).getByRole("listitem")).toHaveCount(1);
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(1);
  const [stored] = await sql<
    { n: number }[]
  >`select count(*)::int as n from authenticators where user_id = ${account.id}`;
  expect(stored!.n).toBe(1);

  const passkeySignIns = async () =>
    (
      await sql<
        { n: number }[]
      >`select count(*)::int as n from sign_ins where user_id = ${account.id} and method = 'passkey'`
    )[0]!.n;
  const before = await passkeySignIns();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/signin?callbackUrl=/registrations");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/registrations$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await passkeySignIns()).toBe(before + 1);
});

test("a passkey can be removed; the e-mail link still works", async ({ page, sql, account, loginAs }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await loginAs(page, account);
  await page.goto("/account");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await page.getByRole("button", { name: "Remove passkey 1" }).click();
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from authenticators where user_id = ${account.id}`;
  expect(row!.n).toBe(0);
});
