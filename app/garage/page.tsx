import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CarCard } from "@/components/car-card";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listCars } from "@/db/cars";
import { requireUser } from "../session";

export async function generateMetadata() {
  return { title: (await getTranslations("garage"))("title") };
}

export default async function GaragePage() {
  const user = await requireUser("/garage");
  const [t, cars] = await Promise.all([getTranslations("garage"), listCars(user.id)]);
  return (
    <div>
      <PageHeader title={t("title")}>
        <Link href="/garage/new" className={buttonClass("primary")}>
          {t("addCar")}
        </Link>
      </PageHeader>
      {cars.length === 0 ? <p className="text-base text-muted">{t("empty")}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {cars.map((car) => (
          <li key={car.id}>
            <CarCard car={car} editLabel={t("edit")} />
          </li>
        ))}
      </ul>
    </div>
  );
}
