import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "../../../session";
import { NewClubForm } from "./new-club-form";

export default async function NewClubPage() {
  await requireUser("/organise/clubs/new");
  const t = await getTranslations("organise");
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t("newClub")} />
      <Card>
        <p className="mb-4 text-base text-muted">{t("newClubIntro")}</p>
        <NewClubForm />
      </Card>
    </div>
  );
}
