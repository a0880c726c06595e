import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getReceipt } from "@/db/payments/receipts";
import { signInPath } from "@/lib/auth-guard";
import type { Locale } from "@/lib/locale";
import { formatEuro } from "@/lib/payments/money";
import { receiptPdf } from "@/lib/payments/receipt-pdf";
import { dayKey } from "@/lib/time";
import { currentUser } from "../../../session";

type Context = { params: Promise<{ id: string }> };

/** The owner's receipt for what was paid, numbered from the club's sequence (anyone else: 404). */
export async function GET(_request: Request, { params }: Context) {
  const [{ id }, user] = await Promise.all([params, currentUser()]);
  if (!user) redirect(signInPath(`/registrations/${id}/receipt.pdf`));
  const receipt = await getReceipt(user.id, id);
  if (!receipt) return new Response("Not found", { status: 404 });
  const [t, locale] = await Promise.all([getTranslations("payments.receipt"), getLocale() as Promise<Locale>]);
  const euro = (cents: number) => formatEuro(cents, locale);
  const day = (at: Date) => dayKey(at);
  const label = (item: string, name: string | null) =>
    item === "entry" ? t("entry") : item === "cancellation" ? t("cancellation") : t("session", { name: name ?? "" });
  const pdf = await receiptPdf({
    title: t("title"),
    number: String(receipt.number).padStart(4, "0"),
    club: { name: receipt.club },
    issuedOn: day(receipt.issuedAt),
    payer: receipt.payer,
    event: receipt.event.name,
    lines: receipt.lines.map((l) => ({ label: label(l.item, l.name), amount: euro(l.cents) })),
    total: [t("total"), euro(receipt.lines.reduce((n, l) => n + l.cents, 0))],
    paid: [
      ...receipt.payments.map((p): [string, string] => [
        t(p.method === "card" ? "card" : p.method === "manual" ? "manual" : "bank", { date: day(p.at) }),
        euro(p.cents),
      ]),
      ...receipt.refunds.map((r): [string, string] => [t("refund", { date: day(r.at) }), euro(-r.cents)]),
    ],
    note: t("note"),
    labels: { number: t("number"), issuedOn: t("issuedOn"), payer: t("payer"), event: t("event"), paid: t("paid") },
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="receipt-${receipt.event.slug}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
