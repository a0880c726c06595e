import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { balanceOf } from "@/lib/payments/ledger";
import Stripe from "stripe";
import { env } from "@/env";
import { isUuid } from "@/lib/uuid";
import { eventFor } from "../access";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import { sqlRows } from "../query";
import { events, registrations, users } from "../schema";
import { ledgerOf } from "./charges";
import { registrationMoney } from "./reads";

// Card payments through Stripe Checkout, when STRIPE_SECRET_KEY is set. A payment counts only
// when Stripe's signed webhook reports it (never from the browser coming back), keyed by the
// payment intent, so a replayed or repeated webhook books it once and a forged one nothing.

const store = globalThis as unknown as { __ringmeetStripe?: Stripe };
function stripe(secretKey: string): Stripe {
  return (store.__ringmeetStripe ??= new Stripe(secretKey));
}

/**
 * "Pay by card": a Checkout Session for what the owner's registration still owes; its address,
 * or null when card payments are off, nothing is owed or it is not theirs. The one call to
 * Stripe's API here, kept thin: tests cannot reach Stripe (see README, "Card payments").
 */
export async function startCardPayment(userId: string, registrationId: string): Promise<string | null> {
  const keys = env().stripe;
  if (!keys || !isUuid(registrationId)) return null;
  const [row] = await db()
    .select({ reg: registrations, event: events, email: users.email })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(users, eq(users.id, registrations.ownerId))
    .where(
      sql`${registrations.id} = ${registrationId} and ${registrations.ownerId} = ${userId} and ${registrations.status} = 'active'`,
    );
  const money = row && (await registrationMoney(db(), row.reg));
  if (!row || !money || money.balance.owed <= 0) return null;
  const back = `${env().appUrl}/registrations/${registrationId}`;
  const session = await stripe(keys.secretKey).checkout.sessions.create({
    mode: "payment",
    line_items: [
      {
        quantity: 1,
        price_data: { currency: "eur", unit_amount: money.balance.owed, product_data: { name: row.event.name } },
      },
    ],
    client_reference_id: registrationId,
    metadata: { registrationId, reference: money.reference },
    customer_email: row.email ?? undefined,
    success_url: `${back}?card=paid`,
    cancel_url: back,
  });
  return session.url;
}

export type WebhookAnswer = { status: 200 | 400; booked: boolean };

/**
 * Stripe's webhook: the body verified against its signature with the SDK (a forged or altered
 * one is a 400 and writes nothing), then a paid Checkout Session booked as a card payment once.
 */
export async function handleStripeWebhook(
  body: string,
  signature: string | null,
  webhookSecret: string,
): Promise<WebhookAnswer> {
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(body, signature ?? "", webhookSecret);
  } catch {
    return { status: 400, booked: false };
  }
  if (event.type !== "checkout.session.completed" && event.type !== "checkout.session.async_payment_succeeded")
    return { status: 200, booked: false };
  const session = event.data.object;
  const registrationId = session.metadata?.registrationId ?? session.client_reference_id ?? "";
  if (session.payment_status !== "paid" || !isUuid(registrationId) || !session.amount_total)
    return { status: 200, booked: false };
  const intent =
    typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? session.id);
  return { status: 200, booked: await bookCardPayment(registrationId, session.amount_total, intent) };
}

async function bookCardPayment(registrationId: string, cents: number, intent: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const booked = await sqlRows<{ id: number }>(
      tx,
      sql`insert into ledger_entries (event_id, registration_id, kind, item, cents, method, source_key)
        select event_id, id, 'payment', 'card', ${cents}, 'card', ${`card:${intent}`} from registrations where id = ${registrationId}
        on conflict (source_key) do nothing returning id`,
    );
    if (booked.length) await enqueueMail(tx, { kind: "paymentReceived", registrationId, cents });
    return booked.length > 0;
  });
}

/**
 * "Refund by card": what is owed back on a registration paid by card goes back through Stripe,
 * to the payment intents it came from (newest first), and each refund Stripe accepts is booked
 * under its id. Null when not allowed or card payments are off; the number of cents refunded.
 * Like startCardPayment, a thin call tests cannot reach.
 */
export async function refundByCard(userId: string, slug: string, registrationId: string): Promise<number | null> {
  const keys = env().stripe;
  if (!keys || !isUuid(registrationId)) return null;
  const event = await eventFor(db(), userId, slug, "managePayments");
  const [reg] = event
    ? await db()
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)))
    : [];
  if (!event || !reg) return null;
  const owedBack = -balanceOf(await ledgerOf(db(), registrationId)).owed;
  if (owedBack <= 0) return 0;
  const intents = await sqlRows<{ intent: string; cents: number }>(
    db(),
    sql`select substr(source_key, 6) as intent, cents from ledger_entries
      where registration_id = ${registrationId} and method = 'card' and kind = 'payment' order by id desc`,
  );
  let left = owedBack;
  for (const { intent, cents } of intents) {
    if (left <= 0) break;
    const amount = Math.min(left, cents);
    const refund = await stripe(keys.secretKey).refunds.create({ payment_intent: intent, amount });
    await db()
      .execute(sql`insert into ledger_entries (event_id, registration_id, kind, item, cents, method, actor_id, source_key)
      values (${event.id}, ${registrationId}, 'refund', 'card', ${amount}, 'card', ${userId}, ${`card-refund:${refund.id}`})
      on conflict (source_key) do nothing`);
    left -= amount;
  }
  return owedBack - Math.max(0, left);
}
