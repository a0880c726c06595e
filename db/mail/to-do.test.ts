import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet } from "@/test/clubs";
import { devMailTo, sendRegistrationMails } from "@/test/mail";
import { paidMeet, SESSION_CENTS } from "@/test/payments";
import { paperwork } from "@/test/paperwork";
import { form, openEvent, ownersWithCars } from "@/test/registration";
import { uniqueEmail } from "@/test/unique";
import { paymentDueOn } from "@/lib/payments/ledger";
import { formatDay } from "@/lib/time";
import { db } from "../client";
import { savePaperwork } from "../paperwork/settings";
import { registerCar } from "../registrations/writes";
import { eventFees, ledgerEntries, registrations, users } from "../schema";
import { queueRegistrationMail } from "./queue";

// What is left to do goes into the owner's "Registration received" and reminder: the amount due
// by its day with the transfer's reference, and the paperwork left, as the registration page shows.

const textTo = async (email: string) => (await devMailTo(email)).map((m) => m.text);

/** A paid meet (€45 + €120) asking an emergency contact and a signed waiver; one car registered. */
async function paidWithPaperwork(extra: Parameters<typeof form>[3] = {}) {
  const meet = await paidMeet([{ start: "09:00", end: "10:00", capacity: 5 }], [SESSION_CENTS]);
  await savePaperwork(meet.admin.id, meet.event.slug, paperwork({ questions: [] }));
  const [owner] = await ownersWithCars(1);
  const made = await registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id], extra));
  if (!made.ok) throw new Error(made.error);
  const [reg] = await db().select().from(registrations).where(eq(registrations.id, made.registrationId));
  return { ...meet, owner: owner!, reg: reg! };
}

describe("the to-do in a registration's mails", () => {
  it("tells the owner the amount due by its day with the reference, and the paperwork left", async () => {
    const { owner, reg } = await paidWithPaperwork();
    await sendRegistrationMails(reg.id);
    const [text] = await textTo(owner.email);
    const [fees] = await db().select().from(eventFees).where(eq(eventFees.eventId, reg.eventId));
    const dueOn = paymentDueOn(new Date(), fees!.payWithinDays)!;
    expect(text).toContain(
      `Amount due: €165.00, by ${formatDay(dueOn, "en")}. Please pay by bank transfer with the reference ${reg.paymentReference}`,
    );
    expect(text).toContain("Paperwork: 2 of 2 to do.");
  });

  it("says it in the owner's language, and not to the second driver, who neither pays nor signs for the owner", async () => {
    const coDriver = uniqueEmail("co");
    const { owner, reg } = await paidWithPaperwork({ secondDriverName: "Co Driver", secondDriverEmail: coDriver });
    await db().update(users).set({ locale: "de" }).where(eq(users.id, owner.ownerId));
    await sendRegistrationMails(reg.id, "registrationReceived");
    const [mine] = await textTo(owner.email);
    expect(mine).toContain("Offener Betrag: 165,00\u00a0€, zahlbar bis ");
    expect(mine).toContain(`Verwendungszweck ${reg.paymentReference}`);
    expect(mine).toContain("Wir haben deine Anmeldung für");
    expect(mine).toMatch(/Unterlagen: \d von \d offen\./);
    const [theirs] = await textTo(coDriver);
    expect(theirs).not.toContain("Amount due");
    expect(theirs).not.toContain("Paperwork:");
  });

  it("leaves out what is done: the reminder after paying says nothing of money", async () => {
    const { owner, reg, event } = await paidWithPaperwork();
    await db().insert(ledgerEntries).values({
      eventId: event.id,
      registrationId: reg.id,
      kind: "payment",
      item: "bank",
      cents: 16500,
      method: "bank",
    });
    await queueRegistrationMail(db(), { kind: "reminder", registrationId: reg.id });
    await sendRegistrationMails(reg.id, "reminder");
    const [reminder] = await textTo(owner.email);
    expect(reminder).not.toContain("Amount due");
    expect(reminder).toContain("Paperwork: 2 of 2 to do.");
  });

  it("writes nothing when composing: a registration without a reference keeps none, and the mail points to the page", async () => {
    const { owner, reg } = await paidWithPaperwork();
    await db().update(registrations).set({ paymentReference: null }).where(eq(registrations.id, reg.id));
    const [before] = await db().select().from(registrations).where(eq(registrations.id, reg.id));
    await sendRegistrationMails(reg.id);
    const [after] = await db().select().from(registrations).where(eq(registrations.id, reg.id));
    expect(after).toEqual(before);
    const [text] = await textTo(owner.email);
    expect(text).toContain("Amount due: €165.00, by ");
    expect(text).toContain("your registration page has the account, the reference and a QR code");
  });

  it("asks a free event's waiver alone, without money", async () => {
    const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
    await savePaperwork(meet.admin.id, meet.event.slug, paperwork({ requireEmergencyContact: false, questions: [] }));
    const [owner] = await ownersWithCars(1);
    const made = await registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id]));
    if (!made.ok) throw new Error(made.error);
    await sendRegistrationMails(made.registrationId);
    const [text] = await textTo(owner!.email);
    expect(text).toContain("Paperwork: 1 of 1 to do.");
    expect(text).not.toContain("Amount due");
  });

  it("says nothing of either for a free event without paperwork", async () => {
    const { event, sessions } = await openEvent();
    const [owner] = await ownersWithCars(1);
    const made = await registerCar(owner!.ownerId, form(event.id, owner!.carIds[0]!, [sessions[0]!.id]));
    if (!made.ok) throw new Error(made.error);
    await sendRegistrationMails(made.registrationId);
    const [text] = await textTo(owner!.email);
    expect(text).toContain("Confirmed");
    expect(text).not.toContain("Amount due");
    expect(text).not.toContain("Paperwork:");
  });
});
