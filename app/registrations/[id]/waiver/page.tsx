import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { WaiverForm } from "@/components/paperwork/waiver-form";
import { waiverFormText } from "@/components/paperwork/waiver-form-text";
import { WaiverText } from "@/components/paperwork/waiver-text";
import { getProfile } from "@/db/account";
import { getWaiverToSign } from "@/db/paperwork/waivers";
import { formatWhen } from "@/lib/time";
import { requireUser } from "../../../session";
import { signWaiverAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export default async function WaiverPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/registrations/${id}/waiver`);
  const [data, profile, locale, t] = await Promise.all([
    getWaiverToSign(user.id, id),
    getProfile(user.id),
    getLocale(),
    getTranslations("paperwork"),
  ]);
  if (!data) notFound();
  const { event, waiver, signed } = data;
  // The signer reads and signs the text in the language of the page (its hash is recorded).
  const language = locale === "de" ? "de" : "en";
  const text = language === "de" ? waiver.textDe : waiver.textEn;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageHeader title={t("waiverTitle")} />
      <p className="text-base text-muted">{t("waiverFor", { event: event.name, version: waiver.version })}</p>
      <WaiverText text={text} />
      {signed ? (
        <Notice tone="success" role="status">
          {t("signedOn", { name: signed.fullName, date: formatWhen(signed.signedAt, locale) })}{" "}
          <a href={`/registrations/${id}/waiver.pdf`} className="font-semibold underline">
            {t("download")}
          </a>
        </Notice>
      ) : (
        <Card>
          <WaiverForm
            action={signWaiverAction.bind(null, id)}
            versionId={waiver.id}
            language={language}
            name={profile?.fullName ?? ""}
            text={waiverFormText(t)}
          />
        </Card>
      )}
      <Link
        href={`/registrations/${id}`}
        className="inline-flex min-h-11 items-center font-semibold text-accent underline"
      >
        {event.name}
      </Link>
    </div>
  );
}
