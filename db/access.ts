import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { rolesFor, type OrganiserAction } from "@/lib/roles";
import { clubMembers } from "./schema";

/**
 * A WHERE condition: the user holds a role in the row's club that may do `action`.
 * Data functions put it beside their own conditions, so a row the user may not touch is simply
 * not found.
 */
export function mayDo(userId: string, action: OrganiserAction, clubId: AnyColumn | SQL): SQL {
  const roles = rolesFor(action);
  return sql`exists (select 1 from ${clubMembers} where ${clubMembers.clubId} = ${clubId} and ${clubMembers.userId} = ${userId} and ${clubMembers.role} in (${sql.join(roles.map((r) => sql`${r}`), sql`, `)}))`;
}
