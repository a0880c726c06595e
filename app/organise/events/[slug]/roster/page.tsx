import { dehydrate, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getRoster } from "@/db/roster/reads";
import { listAudit } from "@/db/roster/audit";
import { parseRosterQuery, rosterQueryToSearchParams } from "@/lib/roster/query";
import { requireUser } from "../../../../session";
import { bulkAction } from "./actions";
import { AuditList } from "./_components/audit-list";
import { BulkForm } from "./_components/change-forms";
import { DoneNotice } from "./_components/done-notice";
import { RosterFilters } from "./_components/roster-filters";
import { LiveQueryProvider } from "@/components/live-query-provider";
import { ROSTER_POLL_MS, rosterKeys, rosterPath } from "./_components/roster-queries";
import { RosterTable } from "./_components/roster-table";
import { SessionCounts } from "./_components/session-counts";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata() {
  return { title: (await getTranslations("roster"))("title") };
}

export default async function RosterPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const query = parseRosterQuery(search);
  const here = `${rosterPath(slug)}${rosterQueryToSearchParams(query).size ? `?${rosterQueryToSearchParams(query)}` : ""}`;
  const user = await requireUser(here);
  const roster = await getRoster(user.id, slug, query);
  if (!roster) notFound();
  const { event, data } = roster;
  const [t, audit] = await Promise.all([getTranslations("roster"), listAudit(event, { limit: 20 })]);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: rosterKeys.page(slug, query), queryFn: () => data });
  const csvBase = event.canExport ? `/organise/events/${event.slug}/roster.csv` : null;
  const sessions = data.sessions.map((s) => ({
    id: s.id,
    label: t("detail.sessionOption", {
      session: s.name,
      confirmed: s.confirmed,
      capacity: s.capacity,
      offered: s.offered,
      waiting: s.waiting,
    }),
  }));
  // Wider than the site's column on large screens: eight columns fit without scrolling sideways.
  return (
    <div className="relative flex flex-col gap-5 lg:left-1/2 lg:w-[min(calc(100vw-3rem),80rem)] lg:-translate-x-1/2">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading", { event: event.name })}</h1>
        <div className="flex flex-wrap gap-2">
          {csvBase ? (
            <a href={csvBase} className={buttonClass("secondary")} download>
              {t("exportCsv")}
            </a>
          ) : null}
          {event.canChange ? (
            <Link href={`/organise/events/${event.slug}/edit`} className={buttonClass("ghost")}>
              {t("editEvent")}
            </Link>
          ) : null}
        </div>
      </div>
      <DoneNotice search={search} />
      <LiveQueryProvider state={dehydrate(queryClient)} pollMs={ROSTER_POLL_MS}>
        <SessionCounts slug={slug} query={query} csvBase={csvBase} />
        <RosterFilters slug={slug} query={query} facets={data} detailed={event.canReadDetails} />
        {/* A fresh table per server render: ticks from before a change do not linger. */}
        <RosterTable key={data.updatedAt} slug={slug} query={query} selectable={event.canChange} />
      </LiveQueryProvider>
      {event.canChange && event.status !== "cancelled" ? (
        <Card>
          <BulkForm action={bulkAction.bind(null, slug)} sessions={sessions} returnTo={here} />
        </Card>
      ) : null}
      <Card className="flex flex-col gap-2">
        <h2 className="text-lg font-bold">{t("audit")}</h2>
        <AuditList entries={audit} slug={slug} linkCars />
      </Card>
    </div>
  );
}
