// What happens to the money when a place changes hands (db/schema/payments.ts `transfer_rule`).
// Plain constants without zod, so that the fees form in the browser can list them.

/** "recipient_pays": the new owner pays and the old one is refunded; "moves_as_paid": the payment goes with the place. */
export const TRANSFER_RULES = ["recipient_pays", "moves_as_paid"] as const;
export type TransferRule = (typeof TRANSFER_RULES)[number];
