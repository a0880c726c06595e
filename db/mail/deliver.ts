import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import nodemailer, { type Mail } from "nodemailer";
import SMTPPool from "nodemailer/lib/smtp-pool";
import { env } from "@/env";
import { db } from "../client";
import { devMail, type DevMail } from "../schema";

/** `links` are the mail's own links (the mailbox lists them; a link someone typed is not one). */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  messageId?: string;
};

let transport: Mail | undefined;

/**
 * The SMTP transport: pooled (a burst reuses a few connections instead of a handshake per mail;
 * the worker sends two at a time), and bounded in time (connect, greeting, and each read or write), so a server that accepts the connection
 * and then hangs fails the job after seconds and the job is retried, instead of holding it forever.
 */
function smtp(url: string): Mail {
  // SMTPPool merges these with what the URL says (its query string wins); createTransport({ url })
  // would drop every option beside the URL.
  transport ??= nodemailer.createTransport(
    new SMTPPool({
      url,
      pool: true,
      maxConnections: 2,
      maxMessages: 100,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    }),
  );
  return transport;
}

/**
 * Sends a message through SMTP when SMTP_URL is set, and keeps a copy in the development
 * mailbox whenever the mailbox is on. Throws nodemailer's error when the server refuses it.
 */
export async function deliverMail(mail: OutgoingMail): Promise<void> {
  const config = env();
  if (config.smtpUrl) {
    await smtp(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
  }
  if (config.devMailbox) {
    await db().insert(devMail).values({
      to: mail.to.toLowerCase(),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      links: mail.links,
    });
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
