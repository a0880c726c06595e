import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getEventForEditing } from "@/db/organiser-events";
import { eventToFormValues } from "@/lib/event-form-values";
import { eventPhase } from "@/lib/event-phase";
import { requireUser } from "../../../../session";
import { cancelEventAction, saveEventAction } from "../../actions";
import { EventForm } from "../../_components/event-form";

const linkClass = "inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string; cancel?: string }> };

export default async function EditEventPage({ params, searchParams }: Props) {
  const [{ slug }, { saved, cancel }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/events/${slug}/edit`);
  const data = await getEventForEditing(user.id, slug);
  if (!data) notFound();
  const [t, tl, tg, tp, tb] = await Promise.all([
    getTranslations("organise"),
    getTranslations("lottery"),
    getTranslations("grid"),
    getTranslations("plaques"),
    getTranslations("broadcast"),
  ]);
  const tk = await getTranslations("checklist");
  const { event, sessions } = data;
  const tr = await getTranslations("roster");
  const tc = await getTranslations("checkIn");
  const tm = await getTranslations("mailProblems");
  const tw = await getTranslations("paperwork");
  const tf = await getTranslations("fees");
  const tpay = await getTranslations("payments");
  const phase = eventPhase(event, new Date());
  const registered = Object.fromEntries(sessions.map((s) => [s.id, s.registered]));
  const at = `/organise/events/${event.slug}`;
  const links: (readonly [path: string, label: string])[] = [
    [`/events/${event.slug}`, t("publicPage")],
    [`${at}/roster`, tr("openRoster")],
    [`${at}/paperwork`, tw("link")],
    [`${at}/fees`, tf("link")],
    [`${at}/payments`, tpay("title")],
    [`${at}/plaques`, tp("link")],
    [`${at}/broadcast`, tb("link")],
    [`${at}/check-in`, tc("open")],
    [`${at}/checklist`, tk("link")],
    [`${at}/mail`, tm("link")],
    ...(event.allocation === "lottery" ? ([[`${at}/draw`, tl("admin.title")]] as const) : []),
  ];
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={event.name}>
        <div className="flex flex-wrap gap-x-4">
          {links.map(([path, label]) => (
            <Link key={path} href={path} className={linkClass}>
              {label}
            </Link>
          ))}
        </div>
      </PageHeader>
      <p className="text-base">
        {data.clubName} · <span className="font-semibold">{t(`phase.${phase}`)}</span>
      </p>
      {saved ? (
        <Notice tone="success" role="status">
          {t(saved === "published" ? "published" : saved === "cancelled" ? "cancelled" : "saved")}
        </Notice>
      ) : null}
      <Card>
        <EventForm
          action={saveEventAction.bind(null, event.slug)}
          initial={eventToFormValues(event, sessions)}
          rows={sessions.length}
          registeredBySession={registered}
          draft={event.status === "draft"}
        />
      </Card>
      {sessions.length ? (
        <Card className="flex flex-col gap-2">
          <h2 className="text-lg font-bold">{tg("grids")}</h2>
          <ul className="flex flex-wrap gap-x-4">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/organise/events/${event.slug}/grid/${s.id}`} className={linkClass}>
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {event.status !== "cancelled" ? (
        <Card className="flex flex-col gap-3">
          <h2 className="text-lg font-bold">{t("cancelTitle")}</h2>
          {cancel ? (
            <form action={cancelEventAction.bind(null, event.slug)} className="flex flex-col gap-3">
              <p className="text-base">{t("cancelExplain")}</p>
              <Button type="submit" variant="danger">
                {t("cancelYes")}
              </Button>
            </form>
          ) : (
            <Link
              href={`/organise/events/${event.slug}/edit?cancel=1`}
              className="inline-flex min-h-11 items-center self-start font-semibold text-danger underline underline-offset-4"
            >
              {t("cancelEvent")}
            </Link>
          )}
        </Card>
      ) : null}
    </div>
  );
}
