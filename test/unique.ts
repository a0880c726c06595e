import { randomBytes } from "node:crypto";

/** A suffix no other test (or parallel test file) will pick, for names, e-mails and slugs. */
export function uniqueSuffix(): string {
  return randomBytes(6).toString("hex");
}

export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${uniqueSuffix()}@example.test`;
}
