import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { uniqueSuffix } from "@/test/unique";
import { db } from "./client";
import { announceEventChange, EVENT_CHANGES, isPublicEvent, parseEventChange, type EventChange } from "./event-changes";
import { clubEvent, clubWith } from "@/test/clubs";
import { cancelEvent, saveEvent } from "./organiser-events";
import { eventInput } from "@/test/event-form";

/** Collects what another instance would hear, on a connection of its own. */
async function listener() {
  const sql = postgres(inject("databaseUrl"), { max: 1, onnotice: () => {} });
  const heard: EventChange[] = [];
  await sql.listen(EVENT_CHANGES, (payload) => {
    const change = parseEventChange(payload);
    if (change) heard.push(change);
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
  return { heard, settle, close: () => sql.end() };
}

describe("event changes", () => {
  it("are heard when the announcing transaction commits, and not at all when it rolls back", async () => {
    const ear = await listener();
    try {
      const [kept, dropped] = [`kept-${uniqueSuffix()}`, `dropped-${uniqueSuffix()}`];
      await db().transaction(async (tx) => {
        await announceEventChange(tx, { slug: kept, kind: "page" });
        await ear.settle();
        expect(ear.heard).toEqual([]); // not before the commit
      });
      await db()
        .transaction(async (tx) => {
          await announceEventChange(tx, { slug: dropped, kind: "page" });
          tx.rollback();
        })
        .catch(() => {});
      await ear.settle();
      expect(ear.heard.filter((c) => c.slug === kept || c.slug === dropped)).toEqual([{ slug: kept, kind: "page" }]);
    } finally {
      await ear.close();
    }
  });

  it("are announced by creating, saving (here publishing) and cancelling an event", async () => {
    const ear = await listener();
    try {
      const { admin, club } = await clubWith();
      const { event } = await clubEvent(admin.id, club.id);
      await saveEvent(admin.id, event.slug, eventInput({ name: event.name, slug: event.slug }), true);
      await cancelEvent(admin.id, event.slug);
      await ear.settle();
      expect(ear.heard.filter((c) => c.slug === event.slug).map((c) => c.kind)).toEqual(["page", "page", "page"]);
    } finally {
      await ear.close();
    }
  });

  it("ignore payloads that are not ours", () => {
    for (const payload of ["", "{", "null", '{"slug":1,"kind":"page"}', '{"slug":"a","kind":"drop"}'])
      expect(parseEventChange(payload)).toBeNull();
  });

  it("tell a draft from a public event", async () => {
    const { admin, club } = await clubWith();
    const { event } = await clubEvent(admin.id, club.id);
    expect(await isPublicEvent(event.slug)).toBe(false);
    await saveEvent(admin.id, event.slug, eventInput({ name: event.name, slug: event.slug }), true);
    expect(await isPublicEvent(event.slug)).toBe(true);
    expect(await isPublicEvent(`no-such-${uniqueSuffix()}`)).toBe(false);
  });
});
