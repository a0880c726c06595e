import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubEvent, clubWith, inviteToken } from "@/test/clubs";
import { createOwner } from "@/test/owners";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { uniqueEmail } from "@/test/unique";
import { deleteAccount } from "./account";
import { listAudit } from "./roster/audit";
import { getRosterEvent } from "./roster/reads";
import { db } from "./client";
import { queueSignIn } from "./mail/queue";
import { registerCar } from "./registrations/writes";
import { auditLog, broadcastRecipients, broadcasts, clubInvitations, devMail, mailOutbox } from "./schema";

describe("deleting an account erases its address everywhere else", () => {
  it("from invitations, broadcast recipient lists, the audit log and the mailbox; the audit keeps a pseudonym", async () => {
    const email = uniqueEmail("Leaving.Organiser");
    const { admin, club } = await clubWith();
    const leaving = await createOwner("leaving", { email });
    await inviteToken(admin.id, club.slug, email.toUpperCase(), "organiser");
    const { event } = await clubEvent(admin.id, club.id);
    const [sent] = await db()
      .insert(broadcasts)
      .values({ eventId: event.id, authorId: admin.id, audience: "confirmed", subject: "Hi", body: "Hello" })
      .returning();
    await db().insert(broadcastRecipients).values({ broadcastId: sent!.id, email, userId: leaving.id, locale: "en" });
    await db()
      .insert(auditLog)
      .values([
        { eventId: event.id, actorId: leaving.id, action: "checklist.add", detail: { label: "Helmet" } },
        {
          eventId: event.id,
          actorId: admin.id,
          action: "roster.remove",
          detail: { note: `asked by ${email}` },
          reason: `Mail from ${email.toUpperCase()}`,
        },
      ]);
    await db().insert(devMail).values({ to: email.toLowerCase(), subject: "s", text: "t", html: "h", links: [] });

    await deleteAccount(leaving.id);

    const holding = `%${email.toLowerCase()}%`;
    expect(await db().$count(clubInvitations, sql`lower(${clubInvitations.email}) like ${holding}`)).toBe(0);
    expect(await db().$count(broadcastRecipients, sql`lower(${broadcastRecipients.email}) like ${holding}`)).toBe(0);
    expect(
      await db().$count(
        auditLog,
        sql`lower(${auditLog.detail}::text || coalesce(${auditLog.reason}, '')) like ${holding}`,
      ),
    ).toBe(0);
    expect(await db().$count(devMail, eq(devMail.to, email.toLowerCase()))).toBe(0);
    // The records still add up: the invitation, the recipient row and both audit lines remain.
    expect(await db().$count(clubInvitations, eq(clubInvitations.clubId, club.id))).toBe(1);
    expect(await db().$count(broadcastRecipients, eq(broadcastRecipients.broadcastId, sent!.id))).toBe(1);
    const audit = await listAudit((await getRosterEvent(admin.id, event.slug))!);
    const pseudonym = audit.find((a) => a.action === "checklist.add")!.actor;
    expect(pseudonym).toMatch(/^Deleted account [0-9A-F]{6}$/);
    const removal = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "roster.remove")));
    expect(removal[0]!.reason).toBe(`Mail from ${pseudonym}`);
    expect(removal[0]!.detail).toEqual({ note: `asked by ${pseudonym}` });
  });

  it("from the records of mail: to the account, to its address, and to its registrations' second drivers; a queued one is never sent", async () => {
    const { event, sessions } = await openEvent();
    const [leaving] = await ownersWithCars(1);
    const coDriver = uniqueEmail("co");
    const registered = await registerCar(
      leaving!.ownerId,
      form(event.id, leaving!.carIds[0]!, [sessions[0]!.id], { secondDriverName: "Co", secondDriverEmail: coDriver }),
    );
    if (!registered.ok) throw new Error(registered.error);
    await queueSignIn(db(), leaving!.email.toUpperCase(), "http://localhost:3999/signin/confirm?token=t", "en");
    const [staying] = await ownersWithCars(1);
    await registerCar(staying!.ownerId, form(event.id, staying!.carIds[0]!, [sessions[0]!.id]));
    const holding = sql`lower(${mailOutbox.recipient}) in (${leaving!.email.toLowerCase()}, ${coDriver.toLowerCase()})`;
    expect(await db().$count(mailOutbox, holding)).toBe(3);

    await deleteAccount(leaving!.ownerId);

    expect(await db().$count(mailOutbox, holding)).toBe(0);
    expect(await db().$count(mailOutbox, eq(mailOutbox.recipient, staying!.email))).toBe(1);
  });
});
