import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPaperworkSettings } from "@/db/paperwork/settings";
import { paperworkToFormValues } from "@/lib/schemas/paperwork";
import { requireUser } from "../../../../session";
import { SettingsPage } from "../../_components/settings-page";
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
  const savedText = Number.isInteger(version) && version > 1 ? t("savedNewVersion", { version }) : t("saved");
  return (
    <SettingsPage title={t("title")} eventName={event.name} intro={t("intro")} saved={saved ? savedText : null}>
      {paperwork.waiver ? <p className="text-base text-muted">{t("signedCount", { count: signed })}</p> : null}
      <PaperworkForm
        action={savePaperworkAction.bind(null, slug)}
        initial={initial}
        rows={paperwork.questions.length}
      />
    </SettingsPage>
  );
}
