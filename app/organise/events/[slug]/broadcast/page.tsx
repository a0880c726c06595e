import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listBroadcasts } from "@/db/broadcasts";
import { formatMoment } from "@/lib/time";
import { requireUser } from "../../../../session";
import { broadcastAction } from "./actions";
import { BroadcastForm } from "./broadcast-form";

/** Write to everyone confirmed, waiting or in one session; every message is kept with who got it. */
export default async function BroadcastPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/organise/events/${slug}/broadcast`);
  const data = await listBroadcasts(user.id, slug);
  if (!data) notFound();
  const t = await getTranslations("broadcast");
  const sessionName = new Map(data.sessions.map((s) => [s.id, s.name]));
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader title={t("title")} />
      <p className="text-base">{data.event.name}</p>
      <Card>
        <BroadcastForm action={broadcastAction.bind(null, slug)} sessions={data.sessions} />
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("history")}</h2>
        {data.broadcasts.length === 0 ? <p className="text-base text-muted">{t("none")}</p> : null}
        <ul className="flex flex-col divide-y divide-line" aria-label={t("history")}>
          {data.broadcasts.map(({ broadcast: b, recipients }) => (
            <li key={b.id} className="flex flex-col gap-1 py-3">
              <span className="text-base font-semibold">{b.subject}</span>
              <span className="text-sm text-muted">
                {formatMoment(b.createdAt)} ·{" "}
                {t(`audiences.${b.audience as "confirmed"}`, { session: sessionName.get(b.sessionId ?? "") ?? "" })} ·{" "}
                {t("progress", { sent: recipients.filter((r) => r.sentAt).length, total: recipients.length })}
              </span>
              <details>
                <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-accent">
                  {t("recipients")}
                </summary>
                <ul className="text-sm">
                  {recipients.map((r) => (
                    <li key={r.email}>
                      {r.email} {r.sentAt ? "✓" : "…"}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
