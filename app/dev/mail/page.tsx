import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listDevMail } from "@/db/mail/deliver";
import { mailboxAnswers } from "../local-only";
import { formatMoment } from "@/lib/time";

export const metadata = { title: "Mailbox", robots: { index: false } };

export default async function DevMailPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!(await mailboxAnswers())) notFound();
  const { to } = await searchParams;
  const [t, mails] = await Promise.all([getTranslations("devMail"), listDevMail(to)]);
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="mb-4 text-base text-muted">{t("intro")}</p>
      {mails.length === 0 ? <p className="text-base">{t("empty")}</p> : null}
      <ol className="flex flex-col gap-3">
        {mails.map((mail) => (
          <li key={mail.id}>
            <Card>
              <p className="text-sm text-muted">
                {t("to")} <span className="font-semibold text-ink">{mail.to}</span> ·{" "}
                <time dateTime={mail.createdAt.toISOString()}>{formatMoment(mail.createdAt)}</time>
              </p>
              <h2 className="mt-1 text-lg font-bold">{mail.subject}</h2>
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-base">{mail.text}</pre>
              {mail.links.length > 0 ? (
                <ul className="mt-3 flex flex-col gap-2">
                  {mail.links.map((link) => (
                    <li key={link}>
                      <a
                        href={link}
                        className="inline-flex min-h-11 items-center break-all font-semibold text-accent underline underline-offset-4"
                      >
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}
