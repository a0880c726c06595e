import { describe, expect, it } from "vitest";
import { mayPasskeySignIn, passkeyCallbackVerdict, passkeyOptionsVerdict } from "./passkey-policy";

describe("passkeyOptionsVerdict", () => {
  it("refuses registration options to a signed-out visitor", () => {
    expect(passkeyOptionsVerdict(false, "register")).toBe("refuse");
  });

  it("gives a signed-out visitor anonymous authentication whatever was asked", () => {
    for (const action of [null, "authenticate", "", "something-else"]) {
      expect(passkeyOptionsVerdict(false, action)).toBe("authenticate-anonymously");
    }
  });

  it("leaves a signed-in person's request to Auth.js (adding a passkey on /account)", () => {
    for (const action of [null, "authenticate", "register"])
      expect(passkeyOptionsVerdict(true, action)).toBe("as-asked");
  });
});

describe("passkeyCallbackVerdict", () => {
  it("refuses a signed-out registration and lets everything else through", () => {
    expect(passkeyCallbackVerdict(false, "register")).toBe("refuse");
    expect(passkeyCallbackVerdict(false, "authenticate")).toBe("as-asked");
    expect(passkeyCallbackVerdict(false, null)).toBe("as-asked");
    expect(passkeyCallbackVerdict(true, "register")).toBe("as-asked");
  });
});

describe("mayPasskeySignIn", () => {
  it("refuses a passkey whose user would be created", () => {
    expect(mayPasskeySignIn("webauthn", { email: "victim@club.de" } as { id?: string })).toBe(false);
    expect(mayPasskeySignIn("webauthn", { id: "" })).toBe(false);
    expect(mayPasskeySignIn("webauthn", { id: null })).toBe(false);
  });

  it("accepts a passkey of an existing user", () => {
    expect(mayPasskeySignIn("webauthn", { id: "1c9f0e2a" })).toBe(true);
  });

  it("leaves the e-mail link alone: it creates accounts on purpose, for a verified address", () => {
    expect(mayPasskeySignIn("email", {})).toBe(true);
  });
});
