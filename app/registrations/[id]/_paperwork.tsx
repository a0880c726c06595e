import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { db } from "@/db/client";
import { registrationPaperwork } from "@/db/paperwork/status";
import type { Event, Registration } from "@/db/schema";
import type { PaperworkStep } from "@/lib/paperwork";

const link = "inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4";

/** "Paperwork complete" or "Paperwork: N of M to do", each step with where to do it. */
export async function PaperworkRegion({ registration, event }: { registration: Registration; event: Event }) {
  const [{ status }, t] = await Promise.all([
    registrationPaperwork(db(), registration, event),
    getTranslations("paperwork"),
  ]);
  if (status.steps.length === 0) return null;
  const id = registration.id;
  const where: Record<PaperworkStep, { href: string; label: string } | null> = {
    details: { href: `/account?returnTo=${encodeURIComponent(`/registrations/${id}`)}`, label: t("addDetails") },
    questions: { href: `/registrations/${id}/answers`, label: t("answerQuestions") },
    waiver: { href: `/registrations/${id}/waiver`, label: t("signWaiver") },
    secondDriverWaiver: null,
  };
  const signed = status.steps.includes("waiver") && !status.missing.includes("waiver");
  return (
    <Card className="flex flex-col gap-3">
      <section aria-labelledby="paperwork-heading" className="flex flex-col gap-3">
        <h2 id="paperwork-heading" className="text-xl font-bold">
          {t("region")}
        </h2>
        <p className={`text-lg font-bold ${status.complete ? "text-success" : "text-warning"}`} role="status">
          {status.complete ? t("complete") : t("todo", { count: status.missing.length, total: status.steps.length })}
        </p>
        <ul className="flex flex-col divide-y divide-line">
          {status.steps.map((step) => {
            const todo = status.missing.includes(step);
            const go = where[step];
            return (
              <li key={step} className="flex flex-wrap items-center justify-between gap-x-3 py-1">
                <span className="text-base">{t(`steps.${step}`)}</span>
                {todo && go ? (
                  <Link href={go.href} className={link}>
                    {go.label}
                  </Link>
                ) : (
                  <span className={`text-base font-semibold ${todo ? "text-warning" : "text-success"}`}>
                    {todo ? t("stepToDo") : t("stepDone")}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        {signed ? (
          <a href={`/registrations/${id}/waiver.pdf`} className={link}>
            {t("download")}
          </a>
        ) : null}
      </section>
    </Card>
  );
}
