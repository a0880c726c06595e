import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { calendarDay } from "@/components/event-dates";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listMyClubs } from "@/db/clubs";
import { can } from "@/lib/roles";
import { requireUser } from "../session";

export async function generateMetadata() {
  return { title: (await getTranslations("organise"))("title") };
}

export default async function OrganisePage() {
  const user = await requireUser("/organise");
  const [t, clubs] = await Promise.all([getTranslations("organise"), listMyClubs(user.id)]);
  const [tr, tc, format] = await Promise.all([getTranslations("roster"), getTranslations("checkIn"), getFormatter()]);
  const canCreate = clubs.some((c) => can(c.role, "createEvent"));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          {canCreate ? (
            <Link href="/organise/events/new" className={buttonClass("primary")}>
              {t("newEvent")}
            </Link>
          ) : null}
          <Link href="/organise/clubs/new" className={buttonClass("secondary")}>
            {t("newClub")}
          </Link>
        </div>
      </PageHeader>
      {clubs.length === 0 ? <p className="text-base text-muted">{t("noClubs")}</p> : null}
      {clubs.map((club) => (
        <Card key={club.id}>
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-xl font-bold">
              <Link
                href={`/organise/clubs/${club.slug}`}
                className="inline-flex min-h-11 items-center text-accent hover:underline"
              >
                {club.name}
              </Link>
            </h2>
            <span className="rounded-full bg-accent-soft px-3 py-1 text-sm font-semibold text-accent">
              {t(`roles.${club.role}`)}
            </span>
          </div>
          {club.events.length === 0 ? <p className="text-base text-muted">{t("noEvents")}</p> : null}
          <ul className="divide-y divide-line">
            {club.events.map((e) => (
              <li key={e.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="text-base font-semibold">{e.name}</span>
                <span className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-muted">
                    {format.dateTime(calendarDay(e.startsOn), { dateStyle: "medium", timeZone: "UTC" })} ·{" "}
                    {t(`status.${e.status as "draft"}`)}
                  </span>
                  {can(club.role, "editEvent") ? (
                    <Link
                      className="inline-flex min-h-11 items-center px-2 font-semibold text-accent underline"
                      href={`/organise/events/${e.slug}/edit`}
                    >
                      {t("edit")}
                    </Link>
                  ) : null}
                  {can(club.role, "readRoster") ? (
                    <Link
                      className="inline-flex min-h-11 items-center px-2 font-semibold text-accent underline"
                      href={`/organise/events/${e.slug}/roster`}
                    >
                      {tr("openRoster")}
                    </Link>
                  ) : null}
                  {can(club.role, "checkIn") ? (
                    <Link
                      className="inline-flex min-h-11 items-center px-2 font-semibold text-accent underline"
                      href={`/organise/events/${e.slug}/check-in`}
                    >
                      {tc("open")}
                    </Link>
                  ) : null}
                  <Link
                    className="inline-flex min-h-11 items-center px-2 font-semibold text-accent underline"
                    href={`/events/${e.slug}`}
                  >
                    {t("publicPage")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
