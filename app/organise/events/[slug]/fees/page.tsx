import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFeeSettings } from "@/db/payments/fees";
import { isLocale } from "@/lib/locale";
import { feesToFormValues } from "@/lib/schemas/fees";
import { requireUser } from "../../../../session";
import { SettingsPage } from "../../_components/settings-page";
import { saveFeesAction } from "./actions";
import { FeesForm } from "./_components/fees-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export default async function FeesPage({ params, searchParams }: Props) {
  const [{ slug }, { saved }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/events/${slug}/fees`);
  const data = await getFeeSettings(user.id, slug);
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations("fees"), getLocale()]);
  const { event, sessions, fees } = data;
  return (
    <SettingsPage title={t("title")} eventName={event.name} intro={t("intro")} saved={saved ? t("saved") : null}>
      <FeesForm
        action={saveFeesAction.bind(null, slug)}
        initial={feesToFormValues(fees, sessions, isLocale(locale) ? locale : "en")}
        sessions={sessions.map((s) => ({ id: s.id, name: s.name }))}
      />
    </SettingsPage>
  );
}
