import { handleStripeWebhook } from "@/db/payments/card";
import { env } from "@/env";

const notFound = () => Response.json({ error: "not found" }, { status: 404 });

/**
 * POST /api/stripe/webhook: Stripe reports a paid Checkout Session, signed with the webhook's
 * secret (STRIPE_WEBHOOK_SECRET). Not found while card payments are off. The raw body is what
 * the signature covers, so it is read as text and verified before it is parsed.
 */
export async function POST(request: Request) {
  const keys = env().stripe;
  if (!keys) return notFound();
  const body = await request.text();
  const answer = await handleStripeWebhook(body, request.headers.get("stripe-signature"), keys.webhookSecret);
  return Response.json(answer.status === 200 ? { received: true } : { error: "invalid signature" }, {
    status: answer.status,
  });
}

/** Only Stripe posts here; there is nothing to read. */
export function GET() {
  return notFound();
}
