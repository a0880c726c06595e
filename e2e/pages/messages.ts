import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type Catalogue = {
  signin: { email: string; emailMeLink: string; signInButton: string; linkUsedOrExpired: string; passkey: string };
  mail: { signIn: { subject: string } };
};

/** The app's catalogue for `locale`: every area file under messages/<locale>/, merged. */
function load(locale: "en" | "de"): Catalogue {
  const dir = path.resolve(import.meta.dirname, "../../messages", locale);
  const files = readdirSync(dir).filter((name) => name.endsWith(".json"));
  return Object.assign({}, ...files.map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")))) as Catalogue;
}

export const catalogue = { en: load("en"), de: load("de") };

// English names are the outside contract and are spelled out here; German ones come from the
// catalogue (CONTRACT.md: "tests that run in German look for the German names").
export type SignInTexts = {
  email: string;
  emailMeLink: string;
  signInButton: string;
  linkUsedOrExpired: string;
  passkey: string;
};

export const signInTexts: Record<"en" | "de", SignInTexts> = {
  en: {
    email: "Email",
    emailMeLink: "Email me a sign-in link",
    signInButton: "Sign in",
    linkUsedOrExpired: "already used or expired",
    passkey: "Sign in with a passkey",
  },
  de: {
    email: catalogue.de.signin.email,
    emailMeLink: catalogue.de.signin.emailMeLink,
    signInButton: catalogue.de.signin.signInButton,
    linkUsedOrExpired: catalogue.de.signin.linkUsedOrExpired,
    passkey: catalogue.de.signin.passkey,
  },
};
