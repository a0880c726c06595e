import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { env } from "@/env";
import { db } from "./client";
import { devMail, type DevMail } from "./schema";

/** `links` are the mail's own links (the mailbox lists them; a link someone typed is not one). */
export type OutgoingMail = { to: string; subject: string; text: string; html: string; links: string[] };

let transport: nodemailer.Transporter | undefined;

/**
 * Sends a message through SMTP when SMTP_URL is set, and keeps a copy in the development
 * mailbox whenever the mailbox is on.
 */
export async function deliverMail(mail: OutgoingMail): Promise<void> {
  const config = env();
  if (config.smtpUrl) {
    transport ??= nodemailer.createTransport(config.smtpUrl);
    await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  }
  if (config.devMailbox) {
    await db().insert(devMail).values({ ...mail, to: mail.to.toLowerCase() });
  }
}

/** The development mailbox, newest first; only for `/dev/mail` and its JSON twin. */
export async function listDevMail(to?: string, limit = 100): Promise<DevMail[]> {
  return db()
    .select()
    .from(devMail)
    .where(to ? and(eq(sql`lower(${devMail.to})`, to.trim().toLowerCase())) : undefined)
    .orderBy(desc(devMail.createdAt), desc(devMail.id))
    .limit(limit);
}
