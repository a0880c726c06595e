import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const DB = "postgres://app:secret@db.example:5432/ringmeet";
const SECRET = "a-production-secret-of-32-chars!";
const SMTP = "smtp://u:p@mail.example:587";
/** A production server that is told everything it needs. */
const PROD = { NODE_ENV: "production", DATABASE_URL: DB, AUTH_SECRET: SECRET, APP_URL: "https://ringmeet.example" };

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("parseEnv", () => {
  it("turns card payments on only with a Stripe key and its webhook secret, and explains a bad one", () => {
    expect(parseEnv({ DATABASE_URL: DB }).stripe).toBeNull();
    expect(
      parseEnv({ DATABASE_URL: DB, STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_xyz" }).stripe,
    ).toEqual({
      secretKey: "sk_test_abc",
      webhookSecret: "whsec_xyz",
    });
    expect(errorOf({ DATABASE_URL: DB, STRIPE_SECRET_KEY: "sk_test_abc" })).toMatch(/STRIPE_WEBHOOK_SECRET/);
    expect(errorOf({ DATABASE_URL: DB, STRIPE_SECRET_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toMatch(
      /STRIPE_SECRET_KEY must be a Stripe secret key/,
    );
  });

  it("queues requests in arrival order beyond twelve at once unless told otherwise (0: no queue)", () => {
    expect(parseEnv({ DATABASE_URL: DB }).maxInFlight).toBe(12);
    expect(parseEnv({ DATABASE_URL: DB, RINGMEET_MAX_IN_FLIGHT: "0" }).maxInFlight).toBe(0);
    expect(parseEnv({ DATABASE_URL: DB, RINGMEET_MAX_IN_FLIGHT: "40" }).maxInFlight).toBe(40);
    expect(errorOf({ DATABASE_URL: DB, RINGMEET_MAX_IN_FLIGHT: "many" })).toBe(
      "Configuration error: RINGMEET_MAX_IN_FLIGHT must be a whole number.",
    );
    expect(errorOf({ DATABASE_URL: DB, RINGMEET_MAX_IN_FLIGHT: "-1" })).toBe(
      "Configuration error: RINGMEET_MAX_IN_FLIGHT must be 0 (no queue) or more.",
    );
  });

  it("requires DATABASE_URL with one readable line", () => {
    expect(() => parseEnv({})).toThrow(new Error("Configuration error: DATABASE_URL is required."));
    expect(errorOf({ DATABASE_URL: "" })).toBe("Configuration error: DATABASE_URL is required.");
  });

  it("accepts postgres:// and postgresql:// URLs only", () => {
    expect(parseEnv({ DATABASE_URL: DB }).databaseUrl).toBe(DB);
    expect(parseEnv({ DATABASE_URL: "postgresql://localhost/x" }).databaseUrl).toBe("postgresql://localhost/x");
    expect(errorOf({ DATABASE_URL: "mysql://localhost/x" })).toBe(
      "Configuration error: DATABASE_URL must be a postgres:// URL.",
    );
    expect(errorOf({ DATABASE_URL: "not a url" })).toBe("Configuration error: DATABASE_URL must be a postgres:// URL.");
  });

  it("explains bad APP_URL, SMTP_URL and AUTH_SECRET values", () => {
    expect(errorOf({ DATABASE_URL: DB, APP_URL: "ftp://ringmeet.example" })).toMatch(
      /^Configuration error: APP_URL must be an http\(s\) URL/,
    );
    expect(errorOf({ DATABASE_URL: DB, SMTP_URL: "http://mail.example" })).toMatch(
      /^Configuration error: SMTP_URL must look like smtp:\/\//,
    );
    expect(errorOf({ DATABASE_URL: DB, AUTH_SECRET: "short" })).toBe(
      "Configuration error: AUTH_SECRET must be at least 16 characters.",
    );
  });

  it("refuses production without AUTH_SECRET", () => {
    expect(
      errorOf({
        NODE_ENV: "production",
        DATABASE_URL: DB,
        APP_URL: "https://ringmeet.example",
        SMTP_URL: "smtp://mail.example:587",
      }),
    ).toMatch(/^Configuration error: AUTH_SECRET is required in production/);
  });

  it("refuses production with neither SMTP_URL nor DEV_MAILBOX", () => {
    expect(errorOf(PROD)).toMatch(/^Configuration error: set SMTP_URL/);
    expect(errorOf({ ...PROD, DEV_MAILBOX: "0" })).toMatch(/SMTP_URL/);
  });

  it("accepts production with SMTP (mailbox off) or with DEV_MAILBOX=1 on localhost (mailbox on)", () => {
    expect(parseEnv({ ...PROD, SMTP_URL: SMTP })).toMatchObject({
      production: true,
      devMailbox: false,
      smtpUrl: SMTP,
      authSecret: SECRET,
      appUrl: "https://ringmeet.example",
    });
    for (const flag of ["1", "true"]) {
      for (const local of ["http://localhost:3000", "http://127.0.0.1:4100", "http://[::1]:3000"]) {
        expect(parseEnv({ ...PROD, APP_URL: local, DEV_MAILBOX: flag }).devMailbox).toBe(true);
      }
    }
  });

  it("refuses production without APP_URL, in one line", () => {
    const { APP_URL: _, ...withoutOrigin } = PROD;
    expect(errorOf({ ...withoutOrigin, SMTP_URL: SMTP })).toBe(
      "Configuration error: APP_URL is required in production (the public origin, such as https://ringmeet.example).",
    );
    // What `npm run demo` and `npm test` pass: production on localhost with the mailbox.
    expect(parseEnv({ ...withoutOrigin, APP_URL: "http://localhost:4100", DEV_MAILBOX: "1" }).appUrl).toBe(
      "http://localhost:4100",
    );
  });

  it("refuses DEV_MAILBOX together with SMTP_URL", () => {
    for (const env of [
      { ...PROD, SMTP_URL: SMTP, DEV_MAILBOX: "1" },
      { DATABASE_URL: DB, SMTP_URL: SMTP, DEV_MAILBOX: "true" },
    ]) {
      expect(errorOf(env)).toBe(
        "Configuration error: DEV_MAILBOX and SMTP_URL cannot both be set: mail goes out by SMTP or stays in the development mailbox.",
      );
    }
  });

  it("refuses the development mailbox on an origin other than localhost", () => {
    const refusal =
      /^Configuration error: the development mailbox \(DEV_MAILBOX=1, or no SMTP_URL outside production\) needs APP_URL on localhost or 127\.0\.0\.1/;
    expect(errorOf({ ...PROD, DEV_MAILBOX: "1" })).toMatch(refusal);
    expect(errorOf({ ...PROD, APP_URL: "http://192.0.2.7:3000", DEV_MAILBOX: "1" })).toMatch(refusal);
    expect(errorOf({ ...PROD, APP_URL: "http://localhost.attacker.example", DEV_MAILBOX: "1" })).toMatch(refusal);
    // Outside production the mailbox is on by default, so the same holds there.
    expect(errorOf({ DATABASE_URL: DB, APP_URL: "https://staging.ringmeet.example" })).toMatch(refusal);
    expect(parseEnv({ DATABASE_URL: DB, APP_URL: "https://staging.ringmeet.example", SMTP_URL: SMTP }).devMailbox).toBe(
      false,
    );
  });

  it("fills in defaults outside production", () => {
    const e = parseEnv({ DATABASE_URL: DB });
    expect(e).toMatchObject({
      production: false,
      port: 3000,
      appUrl: "http://localhost:3000",
      devMailbox: true,
      smtpUrl: undefined,
    });
    expect(e.mailFrom).toBe("Ringmeet <no-reply@ringmeet.test>");
    expect(e.authSecret.length).toBeGreaterThanOrEqual(16);
    expect(parseEnv({ DATABASE_URL: DB, PORT: "4100" }).appUrl).toBe("http://localhost:4100");
    expect(parseEnv({ DATABASE_URL: DB, NODE_ENV: "test", DEV_MAILBOX: "0" }).devMailbox).toBe(true);
    // With SMTP the mail goes out for real, and no copy of its links is kept.
    expect(parseEnv({ DATABASE_URL: DB, SMTP_URL: SMTP }).devMailbox).toBe(false);
  });

  it("drops a trailing slash from APP_URL", () => {
    expect(parseEnv({ ...PROD, SMTP_URL: SMTP, APP_URL: "https://ringmeet.example/" }).appUrl).toBe(
      "https://ringmeet.example",
    );
  });

  it("always fails with a single line that starts 'Configuration error:'", () => {
    const value = fc.option(
      fc.oneof(fc.string(), fc.constantFrom("1", "0", "production", "test", DB, "smtp://m:25", "https://x.example")),
      { nil: undefined },
    );
    const source = fc.record({
      NODE_ENV: value,
      PORT: value,
      DATABASE_URL: value,
      AUTH_SECRET: value,
      APP_URL: value,
      SMTP_URL: value,
      DEV_MAILBOX: value,
    });
    fc.assert(
      fc.property(source, (env) => {
        try {
          parseEnv(env);
        } catch (error) {
          const message = (error as Error).message;
          expect(message).toMatch(/^Configuration error: .+\.$/);
          expect(message).not.toContain("\n");
        }
      }),
    );
  });
});

describe("parseEnv names the variable in every message", () => {
  it.each([
    [{ PORT: "abc" }, "PORT:"],
    [{ PORT: "70000" }, "PORT:"],
    [{ DEV_MAILBOX: "yes" }, "DEV_MAILBOX:"],
    [{ NODE_ENV: "staging" }, "NODE_ENV:"],
  ])("%j", (extra, start) => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db", ...extra })).toThrow(
      `Configuration error: ${start}`,
    );
  });
});
