import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { carModelName } from "@/components/car-card";
import { listCars } from "@/db/cars";
import { getMyRegistration } from "@/db/registrations/reads";
import { requireUser } from "../../../session";
import { changeCarAction } from "../actions";
import { ChangeCarForm } from "./change-car-form";

export default async function ChangeCarPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/registrations/${id}/car`);
  const [ticket, cars, t] = await Promise.all([
    getMyRegistration(user.id, id),
    listCars(user.id),
    getTranslations("registration"),
  ]);
  if (!ticket || ticket.registration.status !== "active") notFound();
  const { event, registration } = ticket;
  const options = cars
    .filter(
      (c) => c.id !== registration.carId && (!event.eligibleModels?.length || event.eligibleModels.includes(c.model)),
    )
    .map((c) => ({ id: c.id, label: `${c.nickname || carModelName(c)} · ${c.plate}` }));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t("changeCar")} />
      <Card className="flex flex-col gap-4">
        <p className="text-base text-muted">{t("changeCarExplain", { event: event.name })}</p>
        {options.length === 0 ? (
          <p className="text-base">{t("noOtherCar")}</p>
        ) : (
          <ChangeCarForm
            action={changeCarAction.bind(null, { id: registration.id, slug: event.slug })}
            cars={options}
          />
        )}
        <Link
          href={`/garage/new?returnTo=/registrations/${registration.id}/car`}
          className="inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4"
        >
          {t("addCar")}
        </Link>
      </Card>
    </div>
  );
}
