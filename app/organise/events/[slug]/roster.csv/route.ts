import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentUser } from "@/app/session";
import { signInPath } from "@/lib/auth-guard";
import { exportRoster, exportSession } from "@/db/roster/export";
import { ROSTER_CSV_COLUMNS, rosterCsv, SESSION_CSV_COLUMNS, sessionCsv, type RosterCsvLabels } from "@/lib/roster/csv";
import { slugify } from "@/lib/slug";
import { placeLabel } from "../roster/_components/place-label";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

function attachment(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * GET /organise/events/{slug}/roster.csv: every registered car, as on the roster;
 * `?session={id}`: that session's list (confirmed cars, then the waiting list in order).
 * Organisers and admins only: gate staff, other clubs and strangers get 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) redirect(signInPath(`/organise/events/${slug}/roster.csv${new URL(request.url).search}`));
  const t = await getTranslations("roster");
  const columns = [...ROSTER_CSV_COLUMNS, ...SESSION_CSV_COLUMNS];
  const labels: RosterCsvLabels = {
    columns: Object.fromEntries(columns.map((c) => [c, t(`columns.${c}`)])) as RosterCsvLabels["columns"],
    status: { confirmed: t("statuses.confirmed"), waiting: t("statuses.waiting"), cancelled: t("statuses.cancelled") },
    deletedAccount: t("deletedAccount"),
  };
  const sessionId = new URL(request.url).searchParams.get("session");
  if (sessionId) {
    const list = await exportSession(user.id, slug, sessionId);
    return list ? attachment(sessionCsv(list.rows, labels), `${slug}-${slugify(list.session.name)}.csv`) : notFound();
  }
  const roster = await exportRoster(user.id, slug);
  if (!roster) return notFound();
  const rows = roster.rows.map((r) => ({
    ...r,
    sessions: r.places.map((p) => placeLabel(t, p)),
    checkedInAt: r.checkedInAt ? new Date(r.checkedInAt) : null,
    paperwork: r.paperwork
      ? r.paperwork.complete
        ? t("paperworkComplete")
        : t("paperworkMissing", { count: r.paperwork.missing })
      : "",
  }));
  return attachment(rosterCsv(rows, labels, undefined, roster.questions), `${slug}-roster.csv`);
}
