import { createHash } from "node:crypto";

/** The SHA-256 of a text (UTF-8) in hex: what a signed waiver records of the text it accepted. */
export const textSha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
