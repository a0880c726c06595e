import { expect, test } from "../fixtures";
import { uniqueEmail } from "../fixtures/db";
import { SignInPage } from "../pages/sign-in-page";

const ORIGIN = new URL(process.env.E2E_BASE_URL!).origin;

test.describe("sign-in links are limited", () => {
  test("an address gets five links in a quarter of an hour; the sixth request is refused beside the field and sends nothing", async ({
    page,
    mailbox,
  }) => {
    const address = uniqueEmail("limited");
    const signIn = new SignInPage(page);
    for (let i = 0; i < 5; i++) {
      await signIn.goto();
      await signIn.requestLink(address);
    }
    await expect.poll(async () => (await mailbox.list(address)).length).toBe(5);
    await signIn.goto();
    await signIn.email.fill(address);
    await signIn.emailMeLink.click();
    await expect(await signIn.emailError()).toContainText(/Too many attempts\. Try again in \d+ minutes?\./);
    await expect(signIn.email).toHaveValue(address);
    expect(await mailbox.list(address)).toHaveLength(5);
  });

  test("Auth.js's own sign-in endpoint, which would mail past the limits, is not served", async ({
    request,
    mailbox,
  }) => {
    const address = uniqueEmail("direct");
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/signin/nodemailer", {
      headers: { Origin: ORIGIN },
      form: { email: address, csrfToken: csrf.csrfToken, callbackUrl: "/" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
    expect(await mailbox.list(address)).toEqual([]);
  });
});

test("one network address gets a hundred sign-in links in a quarter of an hour, however many addresses it names", async ({
  request,
  mailbox,
}) => {
  // The e2e app trusts one proxy (TRUST_PROXY=1): this is one client, behind it, at its own address.
  const client = `203.0.113.${Math.floor(Math.random() * 254) + 1}, 198.18.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 254) + 1}`;
  const html = await (await request.get("/signin", { headers: { "X-Forwarded-For": client } })).text();
  // The form's hidden fields, as a browser without JavaScript would send them back.
  const field = html.indexOf('name="email"');
  const form = html.slice(html.lastIndexOf("<form", field), field);
  const hidden = Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
      name!,
      (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
    ]),
  );
  expect(
    Object.keys(hidden).some((name) => name.startsWith("$ACTION_")),
    "the sign-in form's action fields",
  ).toBe(true);
  const ask = (email: string) =>
    request.post("/signin", {
      headers: { "X-Forwarded-For": client, Origin: ORIGIN },
      multipart: { ...hidden, email, callbackUrl: "/garage" },
      maxRedirects: 0,
    });
  const addresses = Array.from({ length: 101 }, () => uniqueEmail("flood"));
  for (const address of addresses.slice(0, 100)) expect((await ask(address)).status()).toBe(303);
  const refused = await ask(addresses[100]!);
  expect(refused.status()).toBe(200);
  expect(await refused.text()).toContain("Too many attempts");
  expect(await mailbox.list(addresses[100]!)).toEqual([]);
});
