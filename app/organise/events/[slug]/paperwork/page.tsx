import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getPaperworkSettings } from "@/db/paperwork/settings";
import { paperworkToFormValues } from "@/lib/schemas/paperwork";
import { requireUser } from "../../../../session";
import { savePaperworkAction } from "./actions";
import { PaperworkForm } from "./_components/paperwork-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export default async function PaperworkPage({ params, searchParams }: Props) {
  const [{ slug }, { saved }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/events/${slug}/paperwork`);
  const data = await getPaperworkSettings(user.id, slug);
  if (!data) notFound();
  const t = await getTranslations("paperwork");
  const { event, paperwork, signed } = data;
  const initial = paperworkToFormValues({
    ...paperwork,
    waiverEn: paperwork.waiver?.textEn ?? "",
    waiverDe: paperwork.waiver?.textDe ?? "",
  });
  const version = Number(saved);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={t("title")} />
      <p className="text-base">
        {event.name} · {t("intro")}
      </p>
      {saved ? (
        <Notice tone="success" role="status">
          {Number.isInteger(version) && version > 1 ? t("savedNewVersion", { version }) : t("saved")}
        </Notice>
      ) : null}
      {paperwork.waiver ? <p className="text-base text-muted">{t("signedCount", { count: signed })}</p> : null}
      <PaperworkForm
        action={savePaperworkAction.bind(null, slug)}
        initial={initial}
        rows={paperwork.questions.length}
      />
    </div>
  );
}
