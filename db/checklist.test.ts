import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { openEvent } from "@/test/registration";
import { addChecklistItem, getChecklist, removeChecklistItem } from "./checklist";
import { db } from "./client";
import { auditLog } from "./schema";

describe("the gate checklist", () => {
  it("is built by the event's organisers, in order, and every change is logged", async () => {
    const {
      admin,
      club,
      members: [organiser],
    } = await clubWith(["organiser"]);
    const { event } = await openEvent({ clubId: club.id });
    expect(await addChecklistItem(organiser!.id, event.slug, { label: "Noise test passed", required: true })).toBe(
      true,
    );
    expect(await addChecklistItem(admin.id, event.slug, { label: "Insurance proof seen", required: false })).toBe(true);
    const { items } = (await getChecklist(admin.id, event.slug))!;
    expect(items.map((i) => [i.label, i.required, i.position])).toEqual([
      ["Noise test passed", true, 1],
      ["Insurance proof seen", false, 2],
    ]);
    expect(await removeChecklistItem(admin.id, event.slug, items[0]!.id)).toBe(true);
    expect((await getChecklist(admin.id, event.slug))!.items.map((i) => i.label)).toEqual(["Insurance proof seen"]);
    expect(
      (await db().select().from(auditLog).where(eq(auditLog.eventId, event.id))).map((a) => a.action).sort(),
    ).toEqual(["checklist.add", "checklist.add", "checklist.remove"]);
  });

  it("cannot be changed by gate staff or another club", async () => {
    const {
      admin,
      club,
      members: [gate],
    } = await clubWith(["gate"]);
    const { admin: stranger } = await clubWith();
    const { event } = await openEvent({ clubId: club.id });
    await addChecklistItem(admin.id, event.slug, { label: "Rules signed", required: true });
    const [item] = (await getChecklist(admin.id, event.slug))!.items;
    for (const user of [gate!, stranger]) {
      expect(await getChecklist(user.id, event.slug)).toBeNull();
      expect(await addChecklistItem(user.id, event.slug, { label: "x", required: false })).toBe(false);
      expect(await removeChecklistItem(user.id, event.slug, item!.id)).toBe(false);
    }
    expect((await getChecklist(admin.id, event.slug))!.items).toHaveLength(1);
  });
});
