import "server-only";
import { and, eq } from "drizzle-orm";
import { paperworkStatus, type DriverDetails, type PaperworkStatus, type Requirements } from "@/lib/paperwork";
import type { Db, Tx } from "../query";
import { eventQuestions, registrationAnswers, registrations, waiverSignatures, waiverVersions } from "../schema";
import { paperworkOf, type Paperwork } from "./settings";

type RegistrationLike = {
  id: string;
  secondDriverEmail: string | null;
  secondDriverName: string | null;
  driverDetails: DriverDetails | null;
};

export const requirementsOf = (p: Paperwork): Requirements => ({
  requireLicence: p.requireLicence,
  requireEmergencyContact: p.requireEmergencyContact,
  requireExperience: p.requireExperience,
  waiverVersion: p.waiver?.version ?? null,
});

/** One registration's paperwork: what its event asks, and what of it is done (lib/paperwork.ts). */
export async function registrationPaperwork(
  q: Db | Tx,
  reg: RegistrationLike,
  event: { id: string; startsOn: string },
): Promise<{ paperwork: Paperwork; status: PaperworkStatus; answers: Record<string, string> }> {
  const [paperwork, signed, answers] = await Promise.all([
    paperworkOf(q, event.id),
    q
      .select({ signer: waiverSignatures.signer, version: waiverVersions.version })
      .from(waiverSignatures)
      .innerJoin(waiverVersions, eq(waiverVersions.id, waiverSignatures.waiverVersionId))
      .where(eq(waiverSignatures.registrationId, reg.id)),
    q
      .select({ questionId: registrationAnswers.questionId, value: registrationAnswers.value })
      .from(registrationAnswers)
      .where(and(eq(registrationAnswers.registrationId, reg.id))),
  ]);
  const by = (signer: string) => signed.filter((s) => s.signer === signer).map((s) => s.version);
  const status = paperworkStatus(requirementsOf(paperwork), {
    details: reg.driverDetails,
    requiredQuestions: paperwork.questions.filter((qn) => qn.required).map((qn) => qn.id),
    answered: answers.map((a) => a.questionId),
    driverSigned: by("driver"),
    secondDriver: !!reg.secondDriverEmail,
    secondDriverSigned: by("second_driver"),
    eventStartsOn: event.startsOn,
  });
  return { paperwork, status, answers: Object.fromEntries(answers.map((a) => [a.questionId, a.value])) };
}

/**
 * Every registration's paperwork in an event, in four reads whatever its size (the gate's copy and
 * the roster show it per car). Keyed by registration id.
 */
export async function eventPaperworkStatuses(
  q: Db | Tx,
  event: { id: string; startsOn: string },
): Promise<Map<string, PaperworkStatus>> {
  const [paperwork, regs, signed, answers] = await Promise.all([
    paperworkOf(q, event.id),
    q
      .select({ id: registrations.id, second: registrations.secondDriverEmail, details: registrations.driverDetails })
      .from(registrations)
      .where(eq(registrations.eventId, event.id)),
    q
      .select({ id: waiverSignatures.registrationId, signer: waiverSignatures.signer, version: waiverVersions.version })
      .from(waiverSignatures)
      .innerJoin(waiverVersions, eq(waiverVersions.id, waiverSignatures.waiverVersionId))
      .where(eq(waiverVersions.eventId, event.id)),
    q
      .select({ id: registrationAnswers.registrationId, questionId: registrationAnswers.questionId })
      .from(registrationAnswers)
      .innerJoin(eventQuestions, eq(eventQuestions.id, registrationAnswers.questionId))
      .where(eq(eventQuestions.eventId, event.id)),
  ]);
  const req = requirementsOf(paperwork);
  const required = paperwork.questions.filter((qn) => qn.required).map((qn) => qn.id);
  const statuses = new Map<string, PaperworkStatus>();
  for (const reg of regs) {
    const mine = signed.filter((s) => s.id === reg.id);
    statuses.set(
      reg.id,
      paperworkStatus(req, {
        details: reg.details,
        requiredQuestions: required,
        answered: answers.filter((a) => a.id === reg.id).map((a) => a.questionId),
        driverSigned: mine.filter((s) => s.signer === "driver").map((s) => s.version),
        secondDriver: !!reg.second,
        secondDriverSigned: mine.filter((s) => s.signer === "second_driver").map((s) => s.version),
        eventStartsOn: event.startsOn,
      }),
    );
  }
  return statuses;
}
