import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DrawFigures } from "@/components/draw-figures";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getPublicDraw } from "@/db/draws/reads";
import { formatMoment } from "@/lib/time";
import { currentUser } from "../../../session";
import { DrawRuns } from "./_components/draw-runs";
import { Facts } from "./_components/facts";
import { SeedCommitment } from "./_components/seed-commitment";

/**
 * The draw, for anyone: the seed's commitment from publication on, every run with its seed once
 * the draw has run, the published result and its figures. No personal data.
 */
export default async function PublicDrawPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  const [data, t] = await Promise.all([getPublicDraw(slug, user?.id ?? null), getTranslations("lottery.public")]);
  if (!data) notFound();
  const { event, commitment, runs, draw, sessions, mine } = data;
  // First come, first served: no draw will ever run, so there is no seed worth showing either.
  if (event.allocation !== "lottery" && !runs.length) {
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-4">
        <PageHeader title={t("title", { event: event.name })} />
        <Notice tone="info">{t("firstCome")}</Notice>
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={t("title", { event: event.name })} />
      {mine.map((m) => (
        <Notice key={m.id} tone="success">
          {t("yourPosition", { position: m.drawPosition! })}
        </Notice>
      ))}
      {draw ? (
        <>
          <Card className="flex flex-col gap-3">
            <p className="text-base">{t("intro")}</p>
            <Facts
              facts={[
                [t("algorithm"), draw.algorithm],
                [t("seed"), draw.seed],
                [t("inputHash"), draw.inputHash],
                [t("resultHash"), draw.resultHash],
                [t("publishedAt"), formatMoment(draw.publishedAt!)],
              ]}
            />
            <p className="text-sm text-muted">{t("verify")}</p>
          </Card>
          <Card>
            <DrawFigures stats={draw.stats} sessions={sessions} />
          </Card>
        </>
      ) : (
        <Notice tone="info">
          {runs.length ? t("notYet") : t("noRuns", { closes: formatMoment(event.registrationClosesAt) })}
        </Notice>
      )}
      <SeedCommitment commitment={commitment} />
      {runs.length ? <DrawRuns runs={runs} slug={event.slug} /> : null}
    </div>
  );
}
