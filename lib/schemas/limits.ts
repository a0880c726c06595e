/**
 * How long each typed field may be. The schemas refuse more (saying the limit), and the forms'
 * inputs carry it as `maxlength`, so a browser stops the typing there. No zod here: client forms
 * import it.
 */
export const LIMITS = {
  clubName: 80,
  eventName: 120,
  sessionName: 80,
  venue: 120,
  description: 5000,
  rules: 5000,
  make: 40,
  modelName: 60,
  colour: 60,
  individualColour: 60,
  plate: 16,
  nickname: 40,
  fullName: 100,
  displayName: 40,
  email: 254,
  secondDriverName: 100,
  subject: 150,
  message: 5000,
  checklistLabel: 120,
  reason: 500,
  licenceNumber: 30,
  waiver: 20000,
  question: 200,
  answer: 500,
  /** A SEPA creditor's name (pain.001, the GiroCode) holds at most 70 characters. */
  accountHolder: 70,
} as const;

/** The catalogue key of "At most N characters." for a field of `max` characters. */
export const tooLong = (max: number) => `errors.tooLong?max=${max}`;
/** The catalogue key of "At least N characters." */
export const tooShort = (min: number) => `errors.tooShort?min=${min}`;
