"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeEntry } from "@/db/registrations/lottery-entries";
import type { WriteResult } from "@/db/registrations/checks";
import { startCardPayment } from "@/db/payments/card";
import { acceptOffer, declineOffer } from "@/db/registrations/offers";
import { cancelRegistration, changeSessions } from "@/db/registrations/writes";
import { changeCar } from "@/db/registrations/change-car";
import { idArg, refArg } from "@/lib/schemas/bound";
import { entryChangeSchema } from "@/lib/schemas/lottery-entry";
import { carChangeSchema, formInput, sessionChangeSchema } from "@/lib/schemas/registration";
import { formAction } from "../../action";
import { refuse } from "@/db/result";
import { revalidateEventPage } from "../../events/revalidate";

const page =
  (suffix = "") =>
  ({ id }: { id: string }) =>
    `/registrations/${id}${suffix}`;

/** Pages are refreshed from what the database changed (its event), never from the bound `ref`. */
function saved(result: WriteResult, to: string) {
  if (!result.ok) return result;
  if (result.eventSlug) revalidateEventPage(result.eventSlug);
  revalidatePath(`/registrations/${result.registrationId}`);
  redirect(to);
}

export const changeSessionsAction = formAction(
  { bound: [refArg], signIn: page(), schema: sessionChangeSchema, input: (form) => formInput(form.entries()) },
  async ({ user, bound: [{ id }] }, { sessionIds }) =>
    saved(await changeSessions(user.id, id, sessionIds), `/registrations/${id}?saved=sessions`),
);

export const cancelRegistrationAction = formAction(
  { bound: [refArg], signIn: page() },
  async ({ user, bound: [{ id }] }) => saved(await cancelRegistration(user.id, id), `/registrations/${id}`),
);

export const changeCarAction = formAction(
  { bound: [refArg], signIn: page("/car"), schema: carChangeSchema, fields: ["carId"] },
  async ({ user, bound: [{ id }] }, { carId }) =>
    saved(await changeCar(user.id, id, carId), `/registrations/${id}?saved=car`),
);

export const changeEntryAction = formAction(
  {
    bound: [refArg],
    signIn: page("/choices"),
    schema: entryChangeSchema,
    input: (form) => formInput(form.entries(), []),
  },
  async ({ user, bound: [{ id }] }, { ranking }) =>
    saved(await changeEntry(user.id, id, ranking), `/registrations/${id}?saved=choices`),
);

/** "Accept place": the offered place becomes the car's (and is charged). */
export const acceptOfferAction = formAction(
  { bound: [refArg, idArg], signIn: page() },
  async ({ user, bound: [{ id }, offerId] }) => {
    const done = await acceptOffer(user.id, id, offerId);
    if (!done.ok) return done;
    revalidatePath(`/registrations/${id}`);
    redirect(`/registrations/${id}?saved=accepted`);
  },
);

/** "Decline": the offered place goes to the next car waiting. */
export const declineOfferAction = formAction(
  { bound: [refArg, idArg], signIn: page() },
  async ({ user, bound: [{ id }, offerId] }) => {
    const done = await declineOffer(user.id, id, offerId);
    if (!done.ok) return done;
    revalidatePath(`/registrations/${id}`);
    redirect(`/registrations/${id}?saved=declined`);
  },
);

/** "Pay by card": off to Stripe Checkout for what is owed; the payment counts once Stripe's webhook reports it. */
export const payByCardAction = formAction({ bound: [refArg], signIn: page() }, async ({ user, bound: [{ id }] }) => {
  const url = await startCardPayment(user.id, id);
  if (!url) return refuse("payments.errors.cardUnavailable");
  redirect(url);
});
