import { redirect } from "next/navigation";
import { currentUser } from "@/app/session";
import { getRefundsDue } from "@/db/payments/refunds";
import { signInPath } from "@/lib/auth-guard";
import { refundTransfersXml } from "@/lib/payments/sepa";
import { addDays, dayKey } from "@/lib/time";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * GET /organise/events/{slug}/refunds.xml: the refunds due to accounts the money came from, as a
 * SEPA credit transfer file (pain.001.001.03) the treasurer uploads to the club's online banking.
 * Organisers only; 404 for anyone else, 409 when there is nothing to put in it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) redirect(signInPath(`/organise/events/${slug}/refunds.xml`));
  const due = await getRefundsDue(user.id, slug);
  if (!due) return text(404, "Not found");
  const transfers = due.refunds.filter((r) => r.iban);
  if (!due.fees?.iban || !due.fees.accountHolder || transfers.length === 0)
    return text(409, "No refund is due to a known bank account, or the event has no bank account.");
  const now = new Date();
  const xml = refundTransfersXml({
    debtor: { name: due.fees.accountHolder, iban: due.fees.iban, bic: due.fees.bic },
    messageId: `RM-${dayKey(now).replaceAll("-", "")}-${now.getTime().toString(36).toUpperCase()}`,
    createdAt: now,
    executionDate: addDays(dayKey(now), 1),
    transfers: transfers.map((r) => ({
      endToEndId: r.reference ?? r.registrationId.replaceAll("-", "").slice(0, 35),
      name: r.name,
      iban: r.iban!,
      cents: r.cents,
      remittance: `Refund ${due.event.name} ${r.reference ?? ""}`.trim(),
    })),
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-refunds.xml"`,
      "Cache-Control": "private, no-store",
    },
  });
}
