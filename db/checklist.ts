import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { eventFor } from "./access";
import { db } from "./client";
import { auditLog, checklistItems } from "./schema";
import { isUuid } from "@/lib/uuid";

const editableEvent = (userId: string, slug: string) => eventFor(db(), userId, slug, "editEvent");

/** The event's gate checklist, in the order the gate sees it; null when the user may not edit the event. */
export async function getChecklist(userId: string, slug: string) {
  const event = await editableEvent(userId, slug);
  if (!event) return null;
  const items = await db()
    .select()
    .from(checklistItems)
    .where(eq(checklistItems.eventId, event.id))
    .orderBy(asc(checklistItems.position), asc(checklistItems.label));
  return { event, items };
}

/** Adds an item at the end; `required` items must be ticked before "Check in" is allowed. */
export async function addChecklistItem(
  userId: string,
  slug: string,
  item: { label: string; required: boolean },
): Promise<boolean> {
  const event = await editableEvent(userId, slug);
  if (!event) return false;
  await db().transaction(async (tx) => {
    await tx.insert(checklistItems).values({
      eventId: event.id,
      label: item.label,
      required: item.required,
      position: sql`(select coalesce(max(position), 0) + 1 from checklist_items where event_id = ${event.id})`,
    });
    await tx.insert(auditLog).values({ eventId: event.id, actorId: userId, action: "checklist.add", detail: item });
  });
  return true;
}

/** Removes an item (and the ticks given for it). */
export async function removeChecklistItem(userId: string, slug: string, itemId: string): Promise<boolean> {
  const event = await editableEvent(userId, slug);
  if (!event || !isUuid(itemId)) return false;
  return db().transaction(async (tx) => {
    const [gone] = await tx
      .delete(checklistItems)
      .where(and(eq(checklistItems.id, itemId), eq(checklistItems.eventId, event.id)))
      .returning();
    if (gone)
      await tx
        .insert(auditLog)
        .values({ eventId: event.id, actorId: userId, action: "checklist.remove", detail: { label: gone.label } });
    return !!gone;
  });
}
