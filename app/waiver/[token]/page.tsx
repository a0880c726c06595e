import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { WaiverForm } from "@/components/paperwork/waiver-form";
import { waiverFormText } from "@/components/paperwork/waiver-form-text";
import { WaiverText } from "@/components/paperwork/waiver-text";
import { getLinkedWaiver } from "@/db/paperwork/second-driver";
import { tokenArg } from "@/lib/schemas/bound";
import { signAsSecondDriverAction } from "./actions";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ signed?: string }> };

/** The second driver's signing page, opened from the mailed link; no account needed. */
export default async function SecondDriverWaiverPage({ params, searchParams }: Props) {
  const [{ token }, { signed }] = await Promise.all([params, searchParams]);
  if (!tokenArg.safeParse(token).success) notFound();
  const [data, locale, t] = await Promise.all([getLinkedWaiver(token), getLocale(), getTranslations("paperwork")]);
  if (!data) notFound();
  const language = locale === "de" ? "de" : "en";
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageHeader title={t("waiverTitle")} />
      <p className="text-base text-muted">{t("waiverFor", { event: data.event.name, version: data.waiver.version })}</p>
      {data.used ? (
        <Notice tone={signed ? "success" : "warning"} role="status">
          {signed ? t("secondDriverThanks") : t("linkUsed")}
        </Notice>
      ) : (
        <>
          <p className="text-base">{t("secondDriverIntro")}</p>
          <WaiverText text={language === "de" ? data.waiver.textDe : data.waiver.textEn} />
          <Card>
            <WaiverForm
              action={signAsSecondDriverAction.bind(null, token)}
              versionId={data.waiver.id}
              language={language}
              name={data.registration.secondDriverName ?? ""}
              text={waiverFormText(t)}
            />
          </Card>
        </>
      )}
    </div>
  );
}
