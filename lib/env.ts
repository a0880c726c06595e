import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

/**
 * Requests one server process works on at once, the rest waiting in arrival order
 * (server/admission.ts); 0 turns the queue off. Measured on two cores with two instances, 12 kept
 * a registration burst's p99 near a fair queue's bound (docs/PERFORMANCE.md, "Admission in order").
 */
export const DEFAULT_MAX_IN_FLIGHT = 12;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  APP_URL: z
    .url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL such as https://ringmeet.example" })
    .optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://user:pass@host:587" }).optional(),
  MAIL_FROM: z.string().min(3).default("Ringmeet <no-reply@ringmeet.test>"),
  DEV_MAILBOX: flag,
  TRUST_PROXY: flag,
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)")
    .optional(),
  RINGMEET_MAX_IN_FLIGHT: z.coerce
    .number({ error: "RINGMEET_MAX_IN_FLIGHT must be a whole number" })
    .int("RINGMEET_MAX_IN_FLIGHT must be a whole number")
    .min(0, "RINGMEET_MAX_IN_FLIGHT must be 0 (no queue) or more")
    .max(10_000)
    .default(DEFAULT_MAX_IN_FLIGHT),
});

export type AppEnv = {
  production: boolean;
  port: number;
  databaseUrl: string;
  authSecret: string;
  appUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  devMailbox: boolean;
  /** Behind one reverse proxy: the client is the last address it appended to X-Forwarded-For. */
  trustProxy: boolean;
  /** Card payments (Stripe Checkout), on when both are set; the webhook's secret verifies what Stripe reports. */
  stripe: { secretKey: string; webhookSecret: string } | null;
  /** Requests served at once per server process, the rest queued in arrival order; 0: no queue. */
  maxInFlight: number;
};

/**
 * Validates the environment. Throws an Error whose message is one readable line, so a
 * misconfigured start stops with that line rather than a stack trace.
 */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const missing = cleaned[name] === undefined;
    const message = missing
      ? `${name} is required`
      : issue.message.startsWith(name)
        ? issue.message
        : `${name}: ${issue.message.replace(/\.$/, "")}`;
    throw new Error(`Configuration error: ${message}.`);
  }
  const e = result.data;
  const production = e.NODE_ENV === "production";
  if (production && !e.AUTH_SECRET)
    throw new Error("Configuration error: AUTH_SECRET is required in production (openssl rand -base64 32).");
  // The public origin decides Secure cookies and every mailed link: a server must be told it.
  if (production && !e.APP_URL)
    throw new Error(
      "Configuration error: APP_URL is required in production (the public origin, such as https://ringmeet.example).",
    );
  if (e.DEV_MAILBOX && e.SMTP_URL)
    throw new Error(
      "Configuration error: DEV_MAILBOX and SMTP_URL cannot both be set: mail goes out by SMTP or stays in the development mailbox.",
    );
  // The mailbox shows working sign-in links: it is on only without SMTP, in production only when asked for.
  const devMailbox = !e.SMTP_URL && (e.DEV_MAILBOX || !production);
  if (production && !devMailbox && !e.SMTP_URL) {
    throw new Error(
      "Configuration error: set SMTP_URL to send mail, or DEV_MAILBOX=1 to keep it in the development mailbox.",
    );
  }
  // A payment is recorded only from the signed webhook: card payments without its secret would never count.
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET)
    throw new Error(
      "Configuration error: STRIPE_SECRET_KEY needs STRIPE_WEBHOOK_SECRET (the webhook's signing secret, whsec_…): card payments are recorded only from signed webhooks.",
    );
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  if (devMailbox && !isLocalOrigin(appUrl)) {
    throw new Error(
      "Configuration error: the development mailbox (DEV_MAILBOX=1, or no SMTP_URL outside production) needs APP_URL on localhost or 127.0.0.1; set SMTP_URL for a public origin.",
    );
  }
  return {
    production,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    // Development without a secret still works; production refused above.
    authSecret: e.AUTH_SECRET ?? "development-only-secret-not-for-production",
    appUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    devMailbox,
    trustProxy: e.TRUST_PROXY,
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET }
        : null,
    maxInFlight: e.RINGMEET_MAX_IN_FLIGHT,
  };
}

/** An origin only this machine reaches (where a development mailbox may live). */
function isLocalOrigin(url: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
}
