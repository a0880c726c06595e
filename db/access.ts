import "server-only";
import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { rolesFor, type OrganiserAction } from "@/lib/roles";
import type { Db, Tx } from "./query";
import { events, type Event } from "./schema";

/**
 * A WHERE condition: the user holds a role in the row's club that may do `action`.
 * Data functions put it beside their own conditions, so a row the user may not touch is simply
 * not found.
 */
export function mayDo(userId: string, action: OrganiserAction, clubId: AnyColumn | SQL): SQL {
  const roles = rolesFor(action);
  // The subquery's table is aliased: a bare club_members here would shadow a caller's
  // club_members.club_id and turn the check into "admin of any club".
  return sql`exists (select 1 from club_members as acting where acting.club_id = ${clubId} and acting.user_id = ${userId} and acting.role in (${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )}))`;
}

/**
 * The event with this slug when the user may do `action` in its club, else null (a page shows
 * "not found"). `lock` takes the event row FOR UPDATE, serialising changes to the whole event.
 */
export async function eventFor(
  q: Db | Tx,
  userId: string,
  slug: string,
  action: OrganiserAction,
  lock = false,
): Promise<Event | null> {
  const query = q
    .select()
    .from(events)
    .where(and(eq(events.slug, slug), mayDo(userId, action, events.clubId)));
  const [event] = lock ? await query.for("update") : await query;
  return event ?? null;
}
