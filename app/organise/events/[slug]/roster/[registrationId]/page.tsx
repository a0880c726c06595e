import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getRosterEntry } from "@/db/roster/entry";
import { formatMoment } from "@/lib/time";
import { requireUser } from "../../../../../session";
import { moveAction, promoteAction, removeAction } from "../actions";
import { AuditList } from "../_components/audit-list";
import { MoveForm, PromoteForm, RemoveForm } from "../_components/change-forms";
import { DoneNotice } from "../_components/done-notice";
import { placeLabel } from "../_components/place-label";
import { entryPath, rosterPath } from "../_components/roster-queries";

type Props = {
  params: Promise<{ slug: string; registrationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  return { title: (await getTranslations("roster"))("title") };
}

export default async function RosterEntryPage({ params, searchParams }: Props) {
  const [{ slug, registrationId }, search] = await Promise.all([params, searchParams]);
  const user = await requireUser(entryPath(slug, registrationId));
  const entry = await getRosterEntry(user.id, slug, registrationId);
  if (!entry) notFound();
  const [t, td] = await Promise.all([getTranslations("roster"), getTranslations("roster.detail")]);
  const { event, row, sessions } = entry;
  const ref = { slug, id: row.id };
  const changeable = event.canChange && event.status !== "cancelled" && row.status !== "cancelled";
  const option = (s: (typeof sessions)[number]) => ({
    id: s.id,
    label: td("sessionOption", {
      session: s.name,
      confirmed: s.confirmed,
      capacity: s.capacity,
      offered: s.offered,
      waiting: s.waiting,
    }),
  });
  const held = new Set(row.places.map((p) => p.sessionId));
  const facts: [string, string | null][] = [
    [td("plaque"), row.plaque === null ? null : String(row.plaque)],
    [td("email"), row.email],
    [td("vin"), entry.vin],
    [td("secondDriver"), entry.secondDriver],
  ];
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <Link
        href={rosterPath(slug)}
        className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4"
      >
        {td("back")}
      </Link>
      <p className="-mb-3 text-sm font-semibold text-muted">{event.name}</p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{row.driver ?? t("deletedAccount")}</h1>
        <span className="rounded-full bg-slate-100 px-3 py-1 text-sm font-semibold" data-testid="entry-status">
          {t(`statuses.${row.status}`)}
        </span>
      </div>
      <DoneNotice search={search} />
      <Card className="flex flex-col gap-3">
        <p className="text-lg font-bold">
          {row.car} · {row.colour}
        </p>
        {row.plate ? (
          <p className="self-start rounded border-2 border-ink px-2 font-mono text-base font-bold tracking-wider">
            {row.plate}
          </p>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-base">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-semibold">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
        </dl>
        <p className="text-sm text-muted">
          {td("registered", { when: formatMoment(entry.registeredAt) })} ·{" "}
          {row.checkedIn ? td("checkedInAt", { time: row.checkedIn }) : td("notCheckedIn")}
        </p>
        <h2 className="text-lg font-bold">{td("places")}</h2>
        {row.places.length ? (
          <ul className="flex flex-col gap-1" aria-label={td("places")}>
            {row.places.map((p) => (
              <li
                key={p.sessionId}
                className={`text-base ${p.status === "waiting" ? "text-warning" : "text-success"} font-semibold`}
              >
                {placeLabel(t, p)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-base text-muted">{td("noPlaces")}</p>
        )}
      </Card>
      {!event.canChange ? <Notice>{td("readOnly")}</Notice> : null}
      {changeable && row.places.length ? (
        <Card>
          <MoveForm
            action={moveAction.bind(null, ref)}
            from={sessions.filter((s) => held.has(s.id)).map(option)}
            to={sessions.filter((s) => !held.has(s.id)).map(option)}
          />
        </Card>
      ) : null}
      {changeable && row.places.some((p) => p.status === "waiting") ? (
        <Card className="flex flex-col gap-3">
          <h2 className="text-lg font-bold">{td("promote")}</h2>
          {row.places
            .filter((p) => p.status === "waiting")
            .map((p) => (
              <PromoteForm
                key={p.sessionId}
                action={promoteAction.bind(null, ref)}
                session={{ id: p.sessionId, label: p.name }}
                explain={td("promoteExplain", { position: p.position ?? 0, session: p.name })}
                button={td("promoteButton", { session: p.name })}
              />
            ))}
        </Card>
      ) : null}
      {changeable ? (
        <Card>
          <RemoveForm action={removeAction.bind(null, ref)} />
        </Card>
      ) : null}
      <Card className="flex flex-col gap-2">
        <h2 className="text-lg font-bold">{t("history")}</h2>
        <AuditList entries={entry.history} slug={slug} linkCars={false} />
      </Card>
    </div>
  );
}
