import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditEntry } from "@/db/roster/audit";
import { auditSentence } from "@/lib/roster/audit-sentence";
import { formatMoment } from "@/lib/time";
import { entryPath } from "./roster-queries";

type T = Awaited<ReturnType<typeof getTranslations<"roster">>>;

function carLabel(t: T, e: AuditEntry): string {
  if (!e.driver && !e.plate) return t("unknownCar");
  return [e.plaque ? `#${e.plaque}` : null, e.driver, e.plate ? `(${e.plate})` : null].filter(Boolean).join(" ");
}

function sentence(t: T, e: AuditEntry): string {
  const hasCar = Boolean(e.driver || e.plate);
  return auditSentence((key, values) => t(key as never, values as never), {
    action: e.action,
    actor: e.actor,
    car: hasCar ? carLabel(t, e) : null,
    detail: e.detail,
  });
}

/** What organisers did, newest first: who, what, to which car, when (Europe/Berlin) and why. */
export async function AuditList({
  entries,
  slug,
  linkCars,
}: {
  entries: AuditEntry[];
  slug: string;
  linkCars: boolean;
}) {
  const t = await getTranslations("roster");
  if (entries.length === 0) return <p className="text-base text-muted">{t("noAudit")}</p>;
  return (
    <ol className="flex flex-col divide-y divide-line" data-testid="audit-log">
      {entries.map((e) => {
        const notes = [
          e.detail.overbook ? t("overbooked", { count: e.detail.overbook }) : null,
          e.detail.bulk ? t("bulkNote", { count: e.detail.bulk }) : null,
        ].filter(Boolean);
        return (
          <li key={e.id} className="flex flex-col gap-0.5 py-2">
            <span className="text-sm text-muted tabular-nums">
              <time dateTime={e.at}>{formatMoment(new Date(e.at))}</time>
              {notes.length ? ` · ${notes.join(" · ")}` : ""}
            </span>
            <span className="text-base">
              {linkCars && e.registrationId ? (
                <Link
                  href={entryPath(slug, e.registrationId)}
                  className="font-semibold text-accent underline underline-offset-4"
                >
                  {sentence(t, e)}
                </Link>
              ) : (
                sentence(t, e)
              )}
            </span>
            {e.reason ? <span className="text-base italic">{t("reasonLabel", { reason: e.reason })}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
