import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { safeCallbackPath } from "@/lib/schemas/sign-in";
import { requireUser } from "../../session";
import { saveCarAction } from "../actions";
import { CarForm } from "../_components/car-form";

export async function generateMetadata() {
  return { title: (await getTranslations("carForm"))("addTitle") };
}

export default async function NewCarPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const { returnTo } = await searchParams;
  await requireUser("/garage/new");
  const t = await getTranslations("carForm");
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t("addTitle")} />
      <Card>
        <CarForm
          action={saveCarAction.bind(null, null)}
          initial={{}}
          returnTo={safeCallbackPath(returnTo, "/garage")}
        />
      </Card>
    </div>
  );
}
