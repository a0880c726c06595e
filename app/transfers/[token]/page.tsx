import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { carModelName } from "@/components/car-card";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listCars } from "@/db/cars";
import { getTransfer } from "@/db/payments/transfers";
import { tokenArg } from "@/lib/schemas/bound";
import { requireUser } from "../../session";
import { acceptTransferAction } from "./actions";
import { AcceptTransferForm } from "./accept-form";

type Props = { params: Promise<{ token: string }> };

/** The recipient's page, from the mailed link: signed in with the address it was sent to, they choose a car. */
export default async function TransferPage({ params }: Props) {
  const { token } = await params;
  if (!tokenArg.safeParse(token).success) notFound();
  const user = await requireUser(`/transfers/${token}`);
  const [data, cars, t] = await Promise.all([
    getTransfer(user.id, token),
    listCars(user.id),
    getTranslations("payments"),
  ]);
  if (!data) notFound();
  const { event, transfer } = data;
  const eligible = cars
    .filter((c) => !event.eligibleModels?.length || event.eligibleModels.includes(c.model))
    .map((c) => ({ id: c.id, label: `${c.nickname || carModelName(c)} · ${c.plate}` }));
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageHeader title={t("transferTitlePage")} />
      <p className="text-base">{t("transferFor", { event: event.name })}</p>
      {transfer.status !== "open" ? (
        <Notice tone="warning" role="status">
          {t("errors.transferGone")}
        </Notice>
      ) : eligible.length === 0 ? (
        <p className="text-base">
          {t("transferNoCar")}{" "}
          <Link href="/garage" className="font-semibold text-accent underline">
            {t("transferAddCar")}
          </Link>
        </p>
      ) : (
        <Card className="flex flex-col gap-4">
          <p className="text-base text-muted">{t("transferAcceptHint")}</p>
          <AcceptTransferForm action={acceptTransferAction.bind(null, token)} cars={eligible} />
        </Card>
      )}
    </div>
  );
}
