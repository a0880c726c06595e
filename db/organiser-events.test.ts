import { describe, expect, it } from "vitest";
import { isSlug } from "@/lib/slug";
import { clubEvent, clubWith } from "@/test/clubs";
import { eventForm, eventInput } from "@/test/event-form";
import { eventXmin, queuedMails } from "@/test/mail";
import { createOwner, emails, register, registrant } from "@/test/owners";
import { uniqueSuffix } from "@/test/unique";
import { db } from "./client";
import { cancelEvent, createEvent } from "./organiser-events";
import { registrationSessions } from "./schema";

describe("createEvent", () => {
  it("gives the same name numbered slugs, and refuses a typed slug that is taken", async () => {
    const { admin, club } = await clubWith();
    const name = `Spring Meet ${uniqueSuffix()}`;
    const slugs = [];
    for (let i = 0; i < 3; i++)
      slugs.push(((await createEvent(admin.id, club.id, eventInput({ name }))) as { slug: string }).slug);
    const base = name.toLowerCase().replace(/ /g, "-");
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`]);
    expect(await createEvent(admin.id, club.id, eventInput({ name: "Other", slug: base }))).toEqual({
      ok: false,
      field: "slug",
      error: "errors.slugTaken",
    });
    expect(await createEvent(admin.id, club.id, eventInput({ name: "Other", slug: `${base}-typed` }))).toMatchObject({
      ok: true,
      slug: `${base}-typed`,
    });
  });

  it("stores the kept sessions only, and publishes when asked", async () => {
    const { admin, club } = await clubWith();
    const rows = [...eventForm().sessions, { ...eventForm().sessions[0]!, name: "Dropped", remove: "on" }];
    const { event, sessions } = await clubEvent(admin.id, club.id, { sessions: rows }, true);
    expect(event.status).toBe("published");
    expect(sessions.map((s) => [s.name, s.capacity, s.noiseLimitDb])).toEqual([
      ["Paddock", 30, null],
      ["GP track", 20, 98],
    ]);
  });

  it("keeps numbered slugs for a long name distinct and valid (at most 60 characters)", async () => {
    const { admin, club } = await clubWith();
    const name = `${uniqueSuffix()} ${"very long meet name ".repeat(4)}`;
    const first = await createEvent(admin.id, club.id, eventInput({ name }));
    const second = await createEvent(admin.id, club.id, eventInput({ name }));
    const third = await createEvent(admin.id, club.id, eventInput({ name }));
    expect(new Set([first, second, third].map((r) => (r as { slug: string }).slug)).size).toBe(3);
    for (const result of [first, second, third]) expect(isSlug((result as { slug: string }).slug)).toBe(true);
  });

  it("gives organisers saving the same name at the same moment distinct slugs, not an error", async () => {
    const { admin, club } = await clubWith();
    const name = `Rush Meet ${uniqueSuffix()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => createEvent(admin.id, club.id, eventInput({ name }))),
    );
    expect(new Set(results.map((r) => (r as { slug: string }).slug)).size).toBe(5);
  });
});

describe("cancelEvent", () => {
  it("cancels once and, in the same transaction, mails each owner with an active registration once", async () => {
    const { admin, club } = await clubWith();
    const saved = await clubEvent(admin.id, club.id, {}, true);
    const [paddock, gp] = saved.sessions;
    const both = await registrant(saved.event.id, paddock!.id, "confirmed", "de");
    await db()
      .insert(registrationSessions)
      .values({ registrationId: both.reg.id, sessionId: gp!.id, status: "confirmed" });
    const waiting = await registrant(saved.event.id, gp!.id, "waiting");
    const gone = await createOwner("gone");
    await register(saved.event.id, gone.id, null, paddock!.id, { status: "cancelled", cancelledAt: new Date() });
    const result = await cancelEvent(admin.id, saved.event.slug);
    expect(result?.event).toMatchObject({ id: saved.event.id, status: "cancelled" });
    expect(result!.told).toBe(2);
    const mails = await queuedMails(saved.event.id, "eventCancelled");
    expect(mails.map((m) => m.recipient)).toEqual(emails(both.owner, waiting.owner));
    expect(mails.map((m) => m.xmin)).toEqual(Array(2).fill(await eventXmin(saved.event.id)));
    expect(await cancelEvent(admin.id, saved.event.slug)).toBeNull();
  });
});
