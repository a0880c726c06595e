import { z } from "zod";
import { carSchema } from "../../lib/schemas/car";
import { checkInFormSchema } from "../../lib/schemas/check-in";
import { checklistItemSchema } from "../../lib/schemas/checklist";
import { broadcastSchema } from "../../lib/schemas/broadcast";
import { gridRefArg, idArg, positionArg, refArg, slugArg, tokenArg } from "../../lib/schemas/bound";
import { clubSchema, inviteSchema, roleSchema } from "../../lib/schemas/club";
import { entryChangeSchema, lotteryEntrySchema } from "../../lib/schemas/lottery-entry";
import { reasonSchema } from "../../lib/schemas/payments";
import { transferAcceptSchema, transferOfferSchema } from "../../lib/schemas/transfer";
import { profileSchema } from "../../lib/schemas/profile";
import { waiverSignSchema } from "../../lib/schemas/waiver";
import { carChangeSchema, registrationSchema, sessionChangeSchema } from "../../lib/schemas/registration";
import { bulkSchema, moveSchema, promoteSchema, removeSchema } from "../../lib/schemas/roster";
import { signInSchema } from "../../lib/schemas/sign-in";
import { type JsonSchema } from "./arbitraries";

import { eventFields, feesFields, form, paperworkFields, props, text } from "./fuzz-fields";

// What the fuzzer knows of each server action: the schemas of its bound arguments (and any other
// leading argument) and of the form it reads. Most are the app's own; a form the action reads
// without one is described here by what its page sends.

export type ActionTarget = {
  action: string;
  /** Schemas of the arguments before the previous state and the form, in order. */
  bound: z.ZodType[];
  /** The form's fields and what each should hold. */
  fields: Record<string, JsonSchema>;
  /** A fresh scene after this many inputs: rate limits are per person, event or club, and some actions use the scene up (sign out, delete, cancel). */
  reseedEvery?: number;
};

export const actionTargets: ActionTarget[] = [
  {
    action: "app/waiver/[token]/actions.ts#signAsSecondDriverAction",
    bound: [tokenArg],
    fields: props(waiverSignSchema),
    reseedEvery: 10,
  },
  {
    action: "app/registrations/[id]/waiver/actions.ts#signWaiverAction",
    bound: [idArg],
    fields: props(waiverSignSchema),
  },
  {
    action: "app/registrations/[id]/answers/actions.ts#changeAnswersAction",
    bound: [idArg],
    fields: form({ "answers.dinner": z.enum(["yes", "no"]), "answers.size": z.string() }),
  },
  { action: "app/actions.ts#setLocaleAction", bound: [], fields: form({ locale: z.enum(["en", "de"]) }) },
  { action: "app/actions.ts#signOutAction", bound: [], fields: {}, reseedEvery: 10 },
  {
    action: "app/account/actions.ts#saveProfileAction",
    bound: [],
    fields: { ...props(profileSchema), returnTo: text },
  },
  { action: "app/account/actions.ts#removePasskeyAction", bound: [], fields: form({ credentialId: z.string() }) },
  { action: "app/account/actions.ts#deleteAccountAction", bound: [], fields: {}, reseedEvery: 10 },
  { action: "app/bench/floor-action/actions.ts#floorAction", bound: [], fields: {} },
  {
    action: "app/events/[slug]/register/actions.ts#registerAction",
    bound: [slugArg],
    fields: props(registrationSchema),
    reseedEvery: 15,
  },
  {
    action: "app/events/[slug]/register/actions.ts#enterLotteryAction",
    bound: [slugArg],
    fields: props(lotteryEntrySchema),
    reseedEvery: 15,
  },
  {
    action: "app/garage/actions.ts#saveCarAction",
    bound: [idArg.nullable()],
    fields: { ...props(carSchema(2030)), returnTo: text },
  },
  { action: "app/garage/actions.ts#deleteCarAction", bound: [idArg], fields: {} },
  { action: "app/organise/actions.ts#createClubAction", bound: [], fields: props(clubSchema), reseedEvery: 15 },
  { action: "app/organise/actions.ts#inviteAction", bound: [slugArg], fields: props(inviteSchema), reseedEvery: 15 },
  { action: "app/organise/actions.ts#setRoleAction", bound: [slugArg], fields: props(roleSchema) },
  {
    action: "app/invitations/[token]/actions.ts#acceptInvitationAction",
    bound: [tokenArg],
    fields: {},
    reseedEvery: 10,
  },
  { action: "app/organise/events/actions.ts#saveEventAction", bound: [slugArg.nullable()], fields: eventFields() },
  { action: "app/organise/events/actions.ts#cancelEventAction", bound: [slugArg], fields: {}, reseedEvery: 10 },
  {
    action: "app/organise/events/[slug]/broadcast/actions.ts#broadcastAction",
    bound: [slugArg],
    fields: props(broadcastSchema),
  },
  {
    action: "app/organise/events/[slug]/check-in/actions.ts#checkInFormAction",
    bound: [slugArg],
    fields: props(checkInFormSchema),
  },
  {
    action: "app/organise/events/[slug]/checklist/actions.ts#addChecklistItemAction",
    bound: [slugArg],
    fields: props(checklistItemSchema),
  },
  {
    action: "app/organise/events/[slug]/checklist/actions.ts#removeChecklistItemAction",
    bound: [slugArg, idArg],
    fields: {},
  },
  { action: "app/organise/events/[slug]/mail/actions.ts#retryMailAction", bound: [slugArg, idArg], fields: {} },
  { action: "app/organise/events/[slug]/draw/actions.ts#runDrawAction", bound: [slugArg], fields: {}, reseedEvery: 8 },
  {
    action: "app/organise/events/[slug]/draw/actions.ts#publishDrawAction",
    bound: [slugArg, idArg],
    fields: {},
    reseedEvery: 10,
  },
  {
    action: "app/organise/events/[slug]/grid/[sessionId]/actions.ts#generateGridAction",
    bound: [gridRefArg],
    fields: form({
      mode: z.enum(["plaque", "colour-blocks"]),
      "colour:Valencia Orange": z.string().regex(/^\d{1,2}$/),
      "colour:Alpine White": z.string().regex(/^\d{1,2}$/),
    }),
  },
  {
    action: "app/organise/events/[slug]/grid/[sessionId]/actions.ts#moveCarAction",
    bound: [gridRefArg, positionArg, positionArg],
    fields: {},
  },
  {
    action: "app/organise/events/[slug]/grid/[sessionId]/actions.ts#saveOrderAction",
    bound: [gridRefArg, z.array(z.uuid()).max(2000)],
    fields: {},
  },
  {
    action: "app/organise/events/[slug]/fees/actions.ts#saveFeesAction",
    bound: [slugArg],
    fields: feesFields(),
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#importStatementAction",
    bound: [slugArg],
    fields: { statement: text },
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#confirmImportAction",
    bound: [slugArg, idArg],
    fields: form({ "assign.0": z.uuid(), "assign.1": z.string() }),
    reseedEvery: 10,
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#recordRefundsAction",
    bound: [slugArg],
    fields: {},
    reseedEvery: 10,
  },
  { action: "app/organise/events/[slug]/payments/actions.ts#refundByCardAction", bound: [refArg], fields: {} },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#markPaidAction",
    bound: [refArg],
    fields: props(reasonSchema),
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#grantRefundAction",
    bound: [refArg],
    fields: props(reasonSchema),
  },
  {
    action: "app/organise/events/[slug]/paperwork/actions.ts#savePaperworkAction",
    bound: [slugArg],
    fields: paperworkFields(),
  },
  {
    action: "app/organise/events/[slug]/plaques/actions.ts#assignPlaquesAction",
    bound: [slugArg],
    fields: form({ rule: z.enum(["registration-order", "production-number"]) }),
  },
  {
    action: "app/organise/events/[slug]/plaques/actions.ts#changePlaqueAction",
    bound: [slugArg, idArg],
    fields: form({ plaque: z.string().regex(/^\d{1,6}$/) }),
  },
  { action: "app/organise/events/[slug]/roster/actions.ts#moveAction", bound: [refArg], fields: props(moveSchema) },
  {
    action: "app/organise/events/[slug]/roster/actions.ts#promoteAction",
    bound: [refArg],
    fields: props(promoteSchema),
  },
  {
    action: "app/organise/events/[slug]/roster/actions.ts#removeAction",
    bound: [refArg],
    fields: props(removeSchema),
    reseedEvery: 10,
  },
  {
    action: "app/organise/events/[slug]/roster/actions.ts#bulkAction",
    bound: [slugArg],
    fields: { ...props(bulkSchema), returnTo: text },
  },
  {
    action: "app/registrations/[id]/actions.ts#changeSessionsAction",
    bound: [refArg],
    fields: props(sessionChangeSchema),
  },
  {
    action: "app/registrations/[id]/actions.ts#acceptOfferAction",
    bound: [refArg, idArg],
    fields: {},
    reseedEvery: 10,
  },
  {
    action: "app/registrations/[id]/actions.ts#declineOfferAction",
    bound: [refArg, idArg],
    fields: {},
    reseedEvery: 10,
  },
  {
    action: "app/registrations/[id]/actions.ts#cancelRegistrationAction",
    bound: [refArg],
    fields: {},
    reseedEvery: 10,
  },
  { action: "app/registrations/[id]/actions.ts#changeCarAction", bound: [refArg], fields: props(carChangeSchema) },
  { action: "app/registrations/[id]/actions.ts#payByCardAction", bound: [refArg], fields: {} },
  {
    action: "app/registrations/[id]/transfer/actions.ts#offerTransferAction",
    bound: [refArg],
    fields: props(transferOfferSchema),
    reseedEvery: 10,
  },
  {
    action: "app/transfers/[token]/actions.ts#acceptTransferAction",
    bound: [tokenArg],
    fields: props(transferAcceptSchema),
    reseedEvery: 10,
  },
  { action: "app/registrations/[id]/actions.ts#changeEntryAction", bound: [refArg], fields: props(entryChangeSchema) },
  { action: "app/signin/actions.ts#requestSignInLinkAction", bound: [], fields: props(signInSchema) },
];
