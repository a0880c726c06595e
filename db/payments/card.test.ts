import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { ENTRY_CENTS, SESSION_CENTS, owedBy, paidRegistration } from "@/test/payments";
import { db } from "../client";
import { sqlRows } from "../query";
import { handleStripeWebhook } from "./card";

// Stripe cannot be reached from tests: the webhook handler gets payloads signed by the SDK's own
// test helper, as Stripe signs them, and forged or replayed ones.

const SECRET = "whsec_test_ringmeet";
const FEE = ENTRY_CENTS + SESSION_CENTS;

function paidSession(registrationId: string, id = `evt_${registrationId.slice(0, 8)}`, cents = FEE) {
  return JSON.stringify({
    id,
    object: "event",
    type: "checkout.session.completed",
    data: {
      object: {
        id: `cs_test_${registrationId.slice(0, 8)}`,
        object: "checkout.session",
        payment_status: "paid",
        amount_total: cents,
        currency: "eur",
        payment_intent: `pi_${registrationId.replaceAll("-", "")}`,
        client_reference_id: registrationId,
        metadata: { registrationId },
      },
    },
  });
}
const signed = (payload: string, secret = SECRET) => Stripe.webhooks.generateTestHeaderString({ payload, secret });

describe("Stripe's webhook", () => {
  it("books a paid Checkout Session once, however often it is delivered", async () => {
    const { registrationId: id } = await paidRegistration();
    const body = paidSession(id);
    expect(await handleStripeWebhook(body, signed(body), SECRET)).toEqual({ status: 200, booked: true });
    expect(await owedBy(id)).toBe(0);
    expect(await handleStripeWebhook(body, signed(body), SECRET)).toEqual({ status: 200, booked: false });
    // The same payment reported by another event (async success after completion) counts once too.
    const again = paidSession(id, "evt_other");
    expect(await handleStripeWebhook(again, signed(again), SECRET)).toEqual({ status: 200, booked: false });
    const mails = await sqlRows(
      db(),
      sql`select 1 from mail_outbox where registration_id = ${id} and kind = 'paymentReceived'`,
    );
    expect(mails).toHaveLength(1);
  });

  it("refuses a forged or altered payload and writes nothing", async () => {
    const { registrationId: id } = await paidRegistration();
    const body = paidSession(id);
    expect(await handleStripeWebhook(body, signed(body, "whsec_someone_else"), SECRET)).toEqual({
      status: 400,
      booked: false,
    });
    const altered = paidSession(id, undefined, 1);
    expect(await handleStripeWebhook(altered, signed(body), SECRET)).toEqual({ status: 400, booked: false });
    expect(await handleStripeWebhook(body, null, SECRET)).toEqual({ status: 400, booked: false });
    expect(await owedBy(id)).toBe(FEE);
  });

  it("ignores what is not a paid session of a registration", async () => {
    const { registrationId: id } = await paidRegistration();
    const unpaid = JSON.parse(paidSession(id));
    unpaid.data.object.payment_status = "unpaid";
    const body = JSON.stringify(unpaid);
    expect(await handleStripeWebhook(body, signed(body), SECRET)).toEqual({ status: 200, booked: false });
    const stranger = paidSession("00000000-0000-4000-8000-000000000000");
    expect(await handleStripeWebhook(stranger, signed(stranger), SECRET)).toEqual({ status: 200, booked: false });
    expect(await owedBy(id)).toBe(FEE);
  });
});
