/** A mail about one registration, to its owner (and for "registration received" its second driver). */
export type RegistrationMail =
  | { kind: "registrationReceived"; registrationId: string }
  | { kind: "placeConfirmed"; registrationId: string; sessionId: string }
  | { kind: "registrationCancelled"; registrationId: string }
  // The owner changed sessions or car: a short confirmation of the new state.
  | { kind: "registrationChanged"; registrationId: string }
  | { kind: "reminder"; registrationId: string }
  | { kind: "removedByOrganiser"; registrationId: string; reason: string }
  | { kind: "movedByOrganiser"; registrationId: string; fromSessionId: string; toSessionId: string }
  // The lottery's: an entry was received; the published draw's result for an entry.
  | { kind: "entryReceived"; registrationId: string }
  | { kind: "drawResult"; registrationId: string }
  // Money came in for the registration (a bank line, a card payment, the organiser's "Mark as paid").
  | { kind: "paymentReceived"; registrationId: string; cents: number }
  // A freed place of a paid event is offered to this waiting car until the offer expires.
  | { kind: "placeOffered"; registrationId: string; sessionId: string; offerId: string }
  // Unpaid after the payment deadline: the registration was cancelled and its places offered on.
  | { kind: "placeReleased"; registrationId: string };

export type RegistrationMailKind = RegistrationMail["kind"];
export const registrationMailKinds = [
  "registrationReceived",
  "placeConfirmed",
  "registrationCancelled",
  "registrationChanged",
  "reminder",
  "removedByOrganiser",
  "movedByOrganiser",
  "entryReceived",
  "drawResult",
  "paymentReceived",
  "placeOffered",
  "placeReleased",
] as const satisfies readonly RegistrationMailKind[];

/** Who of a registration a mail goes to. */
export type RegistrationRecipient = "owner" | "secondDriver";

/** Every kind of outbox row; the Mail problems list names the kind when the subject is unknown. */
export const mailKinds = [
  ...registrationMailKinds,
  "eventCancelled",
  "sessionRemoved",
  "waiverChanged",
  "waiverToSign",
  "transferOffered",
  "broadcast",
  "invitation",
  "signIn",
] as const;
export type MailKind = (typeof mailKinds)[number];

/** The `sendMail` job: which outbox row, and a secret that must not be stored with it (a sign-in link, an invitation token). */
export type SendMailJob = { mailId: string; secret?: string };
