import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentUser } from "@/app/session";
import { getEventPayments } from "@/db/payments/event-payments";
import { signInPath } from "@/lib/auth-guard";
import { centsToDecimal } from "@/lib/payments/money";
import { toCsv } from "@/lib/roster/csv";

/**
 * GET /organise/events/{slug}/payments.csv: one row per registration with money on it, for the
 * treasurer (amounts as plain decimals in EUR, with the CSV rules of the roster). Organisers only.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) redirect(signInPath(`/organise/events/${slug}/payments.csv`));
  const data = await getEventPayments(user.id, slug);
  if (!data)
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const t = await getTranslations("payments");
  const header = [
    t("columns.reference"),
    t("columns.driver"),
    t("csv.plaque"),
    t("columns.owed"),
    t("columns.paid"),
    t("columns.refunded"),
    t("csv.outstanding"),
    t("csv.refundDue"),
    t("columns.status"),
    t("csv.dueOn"),
  ];
  const rows = data.rows.map((r) => [
    r.reference ?? "",
    r.driver,
    r.plaque === null ? "" : String(r.plaque),
    centsToDecimal(r.balance.charged),
    centsToDecimal(r.balance.paid),
    centsToDecimal(r.balance.refunded),
    centsToDecimal(Math.max(0, r.balance.owed)),
    centsToDecimal(Math.max(0, -r.balance.owed)),
    t(`statuses.${r.status}`),
    r.dueOn ?? "",
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-payments.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
