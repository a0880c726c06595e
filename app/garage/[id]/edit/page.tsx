import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCar } from "@/db/cars";
import { requireUser } from "../../../session";
import { deleteCarAction, saveCarAction } from "../../actions";
import { CarForm } from "../../_components/car-form";
import { RemoveCar } from "../../_components/remove-car";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ remove?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("carForm"))("editTitle") };
}

export default async function EditCarPage({ params, searchParams }: Props) {
  const [{ id }, { remove }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/garage/${id}/edit`);
  const car = await getCar(user.id, id);
  if (!car) notFound();
  const t = await getTranslations("carForm");
  const initial = Object.fromEntries(
    Object.entries({ ...car, productionNumber: car.productionNumber ?? "", noiseDb: car.noiseDb ?? "" }).map(
      ([k, v]) => [k, v === null || v === undefined ? "" : String(v)],
    ),
  );
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageHeader title={t("editTitle")} />
      <Card>
        <CarForm action={saveCarAction.bind(null, car.id)} initial={initial} returnTo="/garage" />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("removeTitle")}</h2>
        {remove ? (
          <RemoveCar action={deleteCarAction.bind(null, car.id)} />
        ) : (
          <Link
            href={`/garage/${car.id}/edit?remove=1`}
            className="inline-flex min-h-11 items-center font-semibold text-danger underline underline-offset-4"
          >
            {t("remove")}
          </Link>
        )}
      </Card>
    </div>
  );
}
