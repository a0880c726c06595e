import { z } from "zod";

const flag = z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL such as https://ringmeet.example" }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://user:pass@host:587" }).optional(),
  MAIL_FROM: z.string().min(3).default("Ringmeet <no-reply@ringmeet.test>"),
  DEV_MAILBOX: flag,
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
    const message = missing ? `${name} is required` : issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message.replace(/\.$/, "")}`;
    throw new Error(`Configuration error: ${message}.`);
  }
  const e = result.data;
  const production = e.NODE_ENV === "production";
  const devMailbox = e.DEV_MAILBOX || !production;
  if (production && !e.AUTH_SECRET) throw new Error("Configuration error: AUTH_SECRET is required in production (openssl rand -base64 32).");
  if (production && !e.SMTP_URL && !devMailbox) {
    throw new Error("Configuration error: set SMTP_URL to send mail, or DEV_MAILBOX=1 to keep it in the development mailbox.");
  }
  return {
    production,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    // Development without a secret still works; production refused above.
    authSecret: e.AUTH_SECRET ?? "development-only-secret-not-for-production",
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    devMailbox,
  };
}
