import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getPublicDraw } from "@/db/draws";
import { formatMoment } from "@/lib/time";
import { currentUser } from "../../../session";
import { DrawPreview } from "../../../organise/events/[slug]/draw/preview";

/** The published draw, for anyone: seed, algorithm, hashes and figures; no personal data. */
export default async function PublicDrawPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  const [data, t] = await Promise.all([getPublicDraw(slug, user?.id ?? null), getTranslations("lottery.public")]);
  if (!data) notFound();
  const { event, draw, sessions, mine } = data;
  if (!draw) return <div className="mx-auto max-w-3xl"><PageHeader title={t("title", { event: event.name })} /><Notice tone="info">{t("notYet")}</Notice></div>;
  const facts = [[t("algorithm"), draw.algorithm], ["Seed", draw.seed], [t("inputHash"), draw.inputHash], [t("resultHash"), draw.resultHash], [t("publishedAt"), formatMoment(draw.publishedAt!)]];
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={t("title", { event: event.name })} />
      {mine.map((m) => <Notice key={m.id} tone="success">{t("yourPosition", { position: m.drawPosition! })}</Notice>)}
      <Card className="flex flex-col gap-3">
        <p className="text-base">{t("intro")}</p>
        <dl className="grid gap-2 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm font-semibold text-muted">{label}</dt>
              <dd className="break-all font-mono text-sm">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-muted">{t("verify")}</p>
      </Card>
      <Card>
        <DrawPreview stats={draw.stats} sessions={sessions} />
      </Card>
    </div>
  );
}
