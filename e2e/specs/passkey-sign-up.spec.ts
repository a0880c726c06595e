import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { uniqueEmail, userIdByEmail } from "../fixtures/db";

// Passkeys are added only by a signed-in person (on /account). A signed-out visitor must not be
// able to create the account of an address they do not own (pre-hijacking), nor learn from the
// answer whether an address has an account (enumeration).

const OPTIONS = "/api/auth/webauthn-options/passkey";
const ORIGIN = new URL(process.env.E2E_BASE_URL!).origin;

async function optionsFor(request: APIRequestContext, params: Record<string, string>) {
  const response = await request.get(OPTIONS, { params });
  return {
    status: response.status(),
    body: (await response.json()) as { action?: string; options?: Record<string, unknown> },
  };
}

test.describe("passkeys when signed out", () => {
  test("registration options are refused and no account is made", async ({ request, sql }) => {
    const victim = uniqueEmail("prehijack");
    const asks: Record<string, string>[] = [{ action: "register", email: victim }, { action: "register" }];
    for (const params of asks) {
      const { status, body } = await optionsFor(request, params);
      expect(status, JSON.stringify(params)).toBe(403);
      expect(body.options).toBeUndefined();
    }
    // Auth.js reads the last of repeated parameters.
    const repeated = await request.get(
      `${OPTIONS}?action=authenticate&action=register&email=${encodeURIComponent(victim)}`,
    );
    expect((await repeated.json()).action).not.toBe("register");
    // Without an action Auth.js used to infer "register" for an unknown address.
    expect((await optionsFor(request, { email: victim })).body.action).toBe("authenticate");
    expect(await userIdByEmail(sql, victim)).toBeUndefined();
  });

  test("a registration posted to the callback is refused", async ({ request, sql }) => {
    const victim = uniqueEmail("prehijack-post");
    // From our own origin, so that it is the passkey rule (not the cross-site one) that refuses it.
    const response = await request.post("/api/auth/callback/passkey", {
      headers: { Origin: ORIGIN },
      form: {
        action: "register",
        email: victim,
        data: JSON.stringify({ id: "AAAA", rawId: "AAAA", type: "public-key", response: {} }),
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    // Auth.js reads the last of repeated form fields.
    const repeated = await request.post("/api/auth/callback/passkey", {
      headers: { "content-type": "application/x-www-form-urlencoded", Origin: ORIGIN },
      data: new URLSearchParams([
        ["action", "authenticate"],
        ["action", "register"],
        ["email", victim],
        ["data", "{}"],
      ]).toString(),
      maxRedirects: 0,
    });
    expect(repeated.status()).toBe(403);
    expect(await userIdByEmail(sql, victim)).toBeUndefined();
  });

  test("the answer is the same for a known and an unknown address", async ({ request, newUser, sql }) => {
    const known = await newUser();
    await sql`
      insert into authenticators (credential_id, user_id, provider_account_id, credential_public_key, counter, credential_device_type, credential_backed_up)
      values (${`cred-${known.id}`}, ${known.id}, ${`cred-${known.id}`}, 'AAAA', 0, 'singleDevice', false)`;
    const unknown = uniqueEmail("nobody");
    for (const action of [undefined, "authenticate"]) {
      const answers = await Promise.all(
        [known.email, unknown].map((email) => optionsFor(request, action ? { action, email } : { email })),
      );
      for (const { status, body } of answers) {
        expect(status).toBe(200);
        expect(body.action).toBe("authenticate");
        expect(body.options?.allowCredentials).toBeUndefined();
      }
      const shape = (answer: (typeof answers)[number]) => ({
        ...answer.body,
        options: Object.keys(answer.body.options ?? {}).sort(),
      });
      expect(shape(answers[0]!)).toEqual(shape(answers[1]!));
    }
    expect(await userIdByEmail(sql, unknown)).toBeUndefined();
  });

  test("a browser with a passkey cannot sign up an address it does not own", async ({ page, sql }) => {
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
    const victim = uniqueEmail("prehijack-browser");
    await page.goto("/signin");
    // What an attacker's script does: ask for registration options, create a credential, post it.
    const outcome = await page.evaluate(
      async ({ email, options }) => {
        const fromB64 = (s: string) =>
          Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4)), (c) =>
            c.charCodeAt(0),
          );
        const toB64 = (b: ArrayBuffer) =>
          btoa(String.fromCharCode(...new Uint8Array(b)))
            .replace(/\+/g, "-")
            .replace(/\//g, "_")
            .replace(/=+$/, "");
        const answer = await fetch(`${options}?${new URLSearchParams({ action: "register", email })}`);
        if (!answer.ok) return { options: answer.status };
        const { options: o } = await answer.json();
        const credential = (await navigator.credentials.create({
          publicKey: {
            ...o,
            challenge: fromB64(o.challenge),
            user: { ...o.user, id: fromB64(o.user.id) },
            excludeCredentials: [],
          },
        })) as PublicKeyCredential;
        const response = credential.response as AuthenticatorAttestationResponse;
        const data = {
          id: credential.id,
          rawId: toB64(credential.rawId),
          type: credential.type,
          clientExtensionResults: {},
          response: {
            clientDataJSON: toB64(response.clientDataJSON),
            attestationObject: toB64(response.attestationObject),
            transports: response.getTransports(),
          },
        };
        const posted = await fetch("/api/auth/callback/passkey", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
          body: new URLSearchParams({ action: "register", data: JSON.stringify(data), callbackUrl: "/garage" }),
        });
        return { options: answer.status, callback: posted.status };
      },
      { email: victim, options: OPTIONS },
    );
    expect(await userIdByEmail(sql, victim), "no account was created for the address").toBeUndefined();
    const me = await (await page.request.get("/api/me")).json();
    expect(me.signedIn, "the attacker's browser is not signed in").toBe(false);
    expect(outcome.options).toBe(403);
  });
});
