import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { DEFAULT_ROSTER_QUERY, type PlaceStatus } from "@/lib/roster/query";
import type { SessionCsvRow } from "@/lib/roster/csv";
import { mayDo } from "../access";
import { carFacts, carFactsSql, type RawCarFacts } from "../car-facts";
import { db } from "../client";
import { sqlRows } from "../query";
import { questionsOf } from "../paperwork/answers";
import { events, eventSessions, registrationAnswers, registrations, type EventSession } from "../schema";
import { rosterEventColumns, rosterPage, type RosterEvent, type RosterRow } from "./reads";
import { isUuid } from "@/lib/uuid";

// Far above any meet's size: the export is every registered car, in plaque order.
const ALL = 1_000_000;

/** The event when the user may export its roster (admins and organisers; gate staff may not). */
async function exportableEvent(userId: string, slug: string): Promise<RosterEvent | null> {
  const [row] = await db()
    .select({
      ...rosterEventColumns,
      canReadDetails: sql<boolean>`${mayDo(userId, "readOwnerDetails", events.clubId)}`,
    })
    .from(events)
    .where(and(eq(events.slug, slug), mayDo(userId, "exportRoster", events.clubId)));
  return row ? ({ ...row, canChange: false, canExport: true } as RosterEvent) : null;
}

/** Every registered car of the event (cancelled ones too), as on the roster; null when not allowed. */
export async function exportRoster(userId: string, slug: string) {
  const event = await exportableEvent(userId, slug);
  if (!event) return null;
  const [page, questions, answers] = await Promise.all([
    rosterPage(event, { ...DEFAULT_ROSTER_QUERY, pageSize: ALL }),
    questionsOf(db(), event.id),
    db()
      .select()
      .from(registrationAnswers)
      .innerJoin(registrations, eq(registrations.id, registrationAnswers.registrationId))
      .where(eq(registrations.eventId, event.id)),
  ]);
  const answersOf = (id: string) =>
    Object.fromEntries(
      answers
        .filter((a) => a.registration_answers.registrationId === id)
        .map((a) => [a.registration_answers.questionId, a.registration_answers.value]),
    );
  const rows: (RosterRow & { answers: Record<string, string> })[] = page.rows.map((r) => ({
    ...r,
    answers: answersOf(r.id),
  }));
  return { event, rows, questions: questions.map((q) => ({ id: q.id, text: q.text })) };
}

const position = (r: RawCsvRow) => (r.position === null ? null : Number(r.position));

type RawCsvRow = RawCarFacts & {
  plaque: number | null;
  driver: string;
  status: PlaceStatus;
  position: string | null;
};

/**
 * One session's list for the marshals: confirmed cars by plaque, then the waiting list in order
 * (with each car's position). Null when not allowed or the session is not the event's.
 */
export async function exportSession(
  userId: string,
  slug: string,
  sessionId: string,
): Promise<{ event: RosterEvent; session: EventSession; rows: SessionCsvRow[] } | null> {
  const event = await exportableEvent(userId, slug);
  if (!event || !isUuid(sessionId)) return null;
  const [session] = await db()
    .select()
    .from(eventSessions)
    .where(and(eq(eventSessions.id, sessionId), eq(eventSessions.eventId, event.id)));
  if (!session) return null;
  const rows = await sqlRows<RawCsvRow>(
    db(),
    sql`
    select r.plaque, coalesce(nullif(u.full_name, ''), nullif(u.display_name, ''), u.email, '') as driver,
      ${carFactsSql}, rs.status,
      case when rs.status = 'waiting' then row_number() over (partition by rs.status order by rs.wait_seq) end as position
    from registration_sessions rs join registrations r on r.id = rs.registration_id
      left join users u on u.id = r.owner_id left join cars c on c.id = r.car_id
    where rs.session_id = ${session.id} and r.status = 'active'
    order by rs.status, position, r.plaque nulls last, r.created_at`,
  );
  return {
    event,
    session,
    rows: rows.map((r) => {
      const { car, colour, plate } = carFacts(r);
      return { plaque: r.plaque, driver: r.driver, car, colour, plate, status: r.status, waitingPosition: position(r) };
    }),
  };
}
