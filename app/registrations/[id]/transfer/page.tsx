import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db/client";
import { openTransferOf, transferTerms } from "@/db/payments/transfers";
import { getMyRegistration } from "@/db/registrations/reads";
import { formatWhen } from "@/lib/time";
import { requireUser } from "../../../session";
import { offerTransferAction } from "./actions";
import { TransferForm } from "./transfer-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sent?: string }> };

/** The owner hands the place to another owner, by e-mail, until the organiser's cut-off. */
export default async function TransferPage({ params, searchParams }: Props) {
  const [{ id }, { sent }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/registrations/${id}/transfer`);
  const ticket = await getMyRegistration(user.id, id);
  if (!ticket || ticket.registration.status !== "active") notFound();
  const { event, registration } = ticket;
  const [terms, open, t, locale] = await Promise.all([
    transferTerms(db(), event.id, new Date()),
    openTransferOf(registration.id),
    getTranslations("payments"),
    getLocale(),
  ]);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageHeader title={t("transferTitlePage")} />
      <p className="text-base">{event.name}</p>
      {sent ? (
        <Notice tone="success" role="status">
          {t("transferSent")}
        </Notice>
      ) : null}
      {open ? <p className="text-base">{t("transferOpen", { email: open.email })}</p> : null}
      {terms?.transfersUntil ? (
        <Card className="flex flex-col gap-4">
          <p className="text-base text-muted">
            {t(terms.transferRule === "moves_as_paid" ? "transferMovesAsPaid" : "transferRecipientPays")}{" "}
            {t("transferUntil", { until: formatWhen(terms.transfersUntil, locale) })}
          </p>
          <TransferForm action={offerTransferAction.bind(null, { id: registration.id, slug: event.slug })} />
        </Card>
      ) : (
        <p className="text-base">{t("transferClosedText")}</p>
      )}
    </div>
  );
}
