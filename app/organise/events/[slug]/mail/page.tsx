import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listMailProblems } from "@/db/mail/problems";
import { mailKinds, type MailKind } from "@/db/mail/kinds";
import { formatMoment } from "@/lib/time";
import { requireUser } from "../../../../session";
import { retryMailAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ retried?: string; error?: string }> };

/** The event's e-mails nobody will deliver any more, with the mail server's reason and "Retry"; organisers and admins only. */
export default async function MailProblemsPage({ params, searchParams }: Props) {
  const [{ slug }, q] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/events/${slug}/mail`);
  const data = await listMailProblems(user.id, slug);
  if (!data) notFound();
  const t = await getTranslations("mailProblems");
  const kind = (k: string) => ((mailKinds as readonly string[]).includes(k) ? t(`kinds.${k as MailKind}`) : k);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={t("title")} />
      <p className="text-base">{data.event.name}</p>
      <p className="text-base text-muted">{t("intro")}</p>
      {q.retried ? (
        <Notice tone="success" role="status">
          {t("retried")}
        </Notice>
      ) : null}
      {q.error === "notStuck" ? (
        <Notice tone="warning" role="alert">
          {t("errors.notStuck")}
        </Notice>
      ) : null}
      <Card>
        {data.problems.length === 0 ? (
          <p className="text-base text-muted">{t("none")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line" aria-label={t("title")}>
            {data.problems.map((p) => (
              <li key={p.id} className="flex flex-wrap items-start gap-3 py-3" data-testid="mail-problem">
                <dl className="grid min-w-0 flex-1 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                  <dt className="text-muted">{t("recipient")}</dt>
                  <dd id={`mail-${p.id}`} className="break-all font-semibold">
                    {p.recipient}
                  </dd>
                  <dt className="text-muted">{t("about")}</dt>
                  <dd className="break-words">{p.subject ?? kind(p.kind)}</dd>
                  <dt className="text-muted">{t("reason")}</dt>
                  <dd className="break-words">{p.reason ?? t("unknownReason")}</dd>
                  <dt className="text-muted">{t("when")}</dt>
                  <dd>
                    <time dateTime={p.at.toISOString()}>{formatMoment(p.at)}</time>
                  </dd>
                </dl>
                <form action={retryMailAction.bind(null, slug, p.id)}>
                  <Button type="submit" variant="secondary" aria-describedby={`mail-${p.id}`}>
                    {t("retry")}
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
