import { getTranslations } from "next-intl/server";
import type { BoundFormAction } from "@/components/form/use-form";
import type { PreviewLine } from "@/db/payments/statements";
import type { Locale } from "@/lib/locale";
import { formatEuro } from "@/lib/payments/money";
import { ConfirmImport, type Ambiguous } from "./payment-forms";

type Names = Map<string, string>;

/** The statement as read and matched, before anything is booked: each line says what will happen to it. */
export async function ImportPreview({
  lines,
  names,
  locale,
  confirm,
}: {
  lines: PreviewLine[];
  names: Names;
  locale: Locale;
  confirm: BoundFormAction | null;
}) {
  const t = await getTranslations("payments");
  const euro = (cents: number) => formatEuro(cents, locale);
  const label = (l: PreviewLine, i: number) =>
    `${i + 1}. ${l.line.bookedOn} · ${euro(l.line.cents)} · ${l.line.name || "—"}`;
  const outcome = (l: PreviewLine): { text: string; tone: string } => {
    if (l.booked) return { text: t("preview.booked"), tone: "text-muted" };
    if (l.status === "matched")
      return {
        text:
          t(`preview.matched.${l.by === "reference" ? "reference" : "amountName"}`, {
            driver: names.get(l.registrationId) ?? "?",
          }) + (l.fit === "exact" ? "" : ` · ${t(`preview.fit.${l.fit}`)}`),
        tone: l.fit === "exact" ? "text-success" : "text-warning",
      };
    if (l.status === "ambiguous") return { text: t("preview.ambiguous"), tone: "text-warning" };
    return { text: t("preview.unmatched"), tone: "text-danger" };
  };
  const ambiguous: Ambiguous[] = lines.flatMap((l, i) =>
    l.status === "ambiguous" && !l.booked
      ? [{ line: i, label: label(l, i), candidates: l.candidates.map((id) => ({ id, name: names.get(id) ?? id })) }]
      : [],
  );
  const count = (f: (l: PreviewLine) => boolean) => lines.filter(f).length;
  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
      <h2 id="preview-heading" className="text-xl font-bold">
        {t("preview.title")}
      </h2>
      <p className="text-base" role="status">
        {t("preview.summary", {
          matched: count((l) => l.status === "matched" && !l.booked),
          ambiguous: count((l) => l.status === "ambiguous" && !l.booked),
          unmatched: count((l) => l.status === "unmatched" && !l.booked),
          booked: count((l) => l.booked),
        })}
      </p>
      <ol className="flex max-h-[28rem] flex-col divide-y divide-line overflow-y-auto rounded-lg border-2 border-line bg-white">
        {lines.map((l, i) => {
          const o = outcome(l);
          return (
            <li key={l.line.key} className="flex flex-col px-3 py-2">
              <span className="text-base font-semibold">{label(l, i)}</span>
              <span className="break-all text-sm text-muted">{l.line.remittance || "—"}</span>
              <span className={`text-sm font-semibold ${o.tone}`}>{o.text}</span>
            </li>
          );
        })}
      </ol>
      {confirm ? (
        <ConfirmImport action={confirm} ambiguous={ambiguous} />
      ) : (
        <p className="text-base">{t("preview.confirmed")}</p>
      )}
    </section>
  );
}
