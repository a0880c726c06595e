import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getMyAnswers } from "@/db/paperwork/answers";
import { eventPhase } from "@/lib/event-phase";
import { requireUser } from "../../../session";
import { changeAnswersAction } from "./actions";
import { AnswersForm } from "./answers-form";

type Props = { params: Promise<{ id: string }> };

export default async function AnswersPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/registrations/${id}/answers`);
  const [data, t, tr] = await Promise.all([
    getMyAnswers(user.id, id),
    getTranslations("paperwork"),
    getTranslations("registration"),
  ]);
  if (!data || data.questions.length === 0) notFound();
  const open = eventPhase(data.event, new Date()) === "open";
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageHeader title={t("answersTitle")} />
      <p className="text-base text-muted">{data.event.name}</p>
      {open ? (
        <Card>
          <AnswersForm action={changeAnswersAction.bind(null, id)} questions={data.questions} initial={data.values} />
        </Card>
      ) : (
        <Notice tone="warning" role="status">
          {tr("closed")}
        </Notice>
      )}
      <Link
        href={`/registrations/${id}`}
        className="inline-flex min-h-11 items-center font-semibold text-accent underline"
      >
        {data.event.name}
      </Link>
    </div>
  );
}
