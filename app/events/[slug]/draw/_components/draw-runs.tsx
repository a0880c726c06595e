import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { PublicDraw } from "@/db/draws/reads";
import { formatMoment } from "@/lib/time";
import { Facts } from "./facts";

const link = "inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4";

/** Every run of the draw, oldest first, with its seed checked against the commitment. */
export async function DrawRuns({ runs, slug }: Pick<PublicDraw, "runs"> & { slug: string }) {
  const t = await getTranslations("lottery.public");
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-bold">{t("runsTitle")}</h2>
      <p className="text-base">{t("runsIntro")}</p>
      <ol className="flex flex-col divide-y divide-line" aria-label={t("runsTitle")}>
        {runs.map((r, i) => (
          <li key={r.id} className="flex flex-col gap-2 py-3">
            <h3 className="text-base font-bold">{t("run", { number: i + 1 })}</h3>
            <Facts
              facts={[
                [t("ranAt"), formatMoment(r.createdAt)],
                [t("seed"), r.seed],
                [t("entries"), String(r.stats.entries)],
                [t("inputHash"), r.inputHash],
                [t("resultHash"), r.resultHash],
                [t("status"), r.publishedAt ? `${t("published")} ${formatMoment(r.publishedAt)}` : t("notPublished")],
              ]}
            />
            <p className={`text-sm ${r.committed ? "text-muted" : "font-semibold text-warning"}`}>
              {t(r.committed ? "seedMatches" : "seedNotCommitted")}
            </p>
            <p className="flex flex-wrap gap-x-4">
              {r.hasInput ? (
                <a href={`/events/${slug}/draw/${r.id}/input.json`} download className={link}>
                  {t("downloadInput", { number: i + 1 })}
                </a>
              ) : null}
              <a href={`/events/${slug}/draw/${r.id}/result.json`} download className={link}>
                {t("downloadResult", { number: i + 1 })}
              </a>
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
