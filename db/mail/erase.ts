import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../query";

/**
 * Deleting an account deletes the records of mail to it and to its address (sent, queued or failed;
 * a queued one is then never sent), and to the second drivers of its registrations, whose
 * addresses go too. (mail_outbox has no foreign keys: see db/schema/mail.ts.)
 */
export async function eraseMailOf(tx: Tx, userId: string, address: string): Promise<void> {
  await tx.execute(sql`delete from mail_outbox where user_id = ${userId} or lower(recipient) = ${address}
    or registration_id in (select id from registrations where owner_id = ${userId})`);
}
