import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { DrawFigures } from "@/components/draw-figures";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getDrawAdmin } from "@/db/draws/reads";
import { formatMoment } from "@/lib/time";
import { requireUser } from "../../../../session";
import { publishDrawAction, runDrawAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string; published?: string }> };
const ERRORS = new Set([
  "notLottery",
  "stillOpen",
  "alreadyPublished",
  "entriesChanged",
  "noRun",
  "seedNotCommitted",
  "rateLimited",
]);

export default async function DrawPage({ params, searchParams }: Props) {
  const [{ slug }, { error, published }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/events/${slug}/draw`);
  const data = await getDrawAdmin(user.id, slug);
  if (!data) notFound();
  const t = await getTranslations("lottery");
  const { event, sessions, runs, entries, commitment } = data;
  const publishedRun = runs.find((r) => r.publishedAt);
  const latest = publishedRun ?? runs[0];
  const closed = new Date() >= event.registrationClosesAt;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={`${t("admin.title")}: ${event.name}`}>
        <Link
          href={`/events/${event.slug}/draw`}
          className="inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4"
        >
          {t("admin.publicPage")}
        </Link>
      </PageHeader>
      <p className="text-base font-semibold">{t("admin.entries", { count: entries })}</p>
      {error && ERRORS.has(error) ? (
        <Notice tone="danger" role="alert">
          {t(`errors.${error}` as "errors.noRun")}
        </Notice>
      ) : null}
      {published && publishedRun ? (
        <Notice tone="success" role="status">
          {t("admin.published", { when: formatMoment(publishedRun.publishedAt!) })}
        </Notice>
      ) : null}
      {event.allocation !== "lottery" ? <Notice tone="warning">{t("admin.notLottery")}</Notice> : null}
      {event.allocation === "lottery" && !closed ? (
        <Notice tone="info">{t("admin.notClosed", { closes: formatMoment(event.registrationClosesAt) })}</Notice>
      ) : null}
      {event.allocation === "lottery" && commitment && !publishedRun ? (
        <Card className="flex flex-col gap-2">
          <p className="text-base">
            {t(commitment.inAdvance ? "admin.commitment" : "admin.commitmentLate", {
              when: formatMoment(commitment.committedAt),
            })}
          </p>
          <p className="text-sm font-semibold text-muted">{t("admin.seedHash")}</p>
          <p className="break-all font-mono text-sm">{commitment.seedHash}</p>
        </Card>
      ) : null}
      {latest ? (
        <Card className="flex flex-col gap-4">
          <h2 className="text-lg font-bold">{publishedRun ? t("admin.publishedTitle") : t("admin.preview")}</h2>
          {/* Said once: in the notice right after publishing, here on any later visit. */}
          {publishedRun && !published ? (
            <p className="text-base">{t("admin.published", { when: formatMoment(publishedRun.publishedAt!) })}</p>
          ) : null}
          <p className="break-all text-base text-muted">{t("admin.latest", { seed: latest.seed })}</p>
          <DrawFigures stats={latest.stats} sessions={sessions} />
          {!publishedRun && closed ? (
            <form action={publishDrawAction.bind(null, event.slug, latest.id)} className="flex flex-col gap-2">
              <p className="text-base">{t("admin.publishHint")}</p>
              <Button type="submit" className="self-start">
                {t("admin.publish")}
              </Button>
            </form>
          ) : null}
        </Card>
      ) : null}
      {event.allocation === "lottery" && closed && !publishedRun ? (
        <Card>
          <form action={runDrawAction.bind(null, event.slug)} className="flex flex-col gap-3">
            {runs.length ? <p className="text-base">{t("admin.runHint")}</p> : null}
            <Button type="submit" variant={runs.length ? "secondary" : "primary"} className="self-start">
              {runs.length ? t("admin.runAgain") : t("admin.run")}
            </Button>
          </form>
        </Card>
      ) : null}
      {runs.length > 1 ? (
        <Card className="flex flex-col gap-2">
          <h2 className="text-lg font-bold">{t("admin.runs")}</h2>
          <ul className="divide-y divide-line">
            {runs.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2 text-base">
                <span className="break-all">
                  {t("admin.ranAt", { when: formatMoment(r.createdAt) })} ·{" "}
                  {t("admin.entries", { count: r.stats.entries })}
                </span>
                <span className="tabular-nums">
                  {t("admin.placed")}: {r.stats.placed} / {r.stats.entries}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
