"use server";

import { redirect } from "next/navigation";
import { offerTransfer } from "@/db/payments/transfers";
import { refArg } from "@/lib/schemas/bound";
import { transferOfferSchema } from "@/lib/schemas/transfer";
import { formAction } from "../../../action";

/** "Offer transfer": mails the new owner a link to take the place over. */
export const offerTransferAction = formAction(
  {
    bound: [refArg],
    signIn: ({ id }) => `/registrations/${id}/transfer`,
    schema: transferOfferSchema,
    fields: ["email"],
  },
  async ({ user, bound: [{ id }] }, { email }) => {
    const done = await offerTransfer(user.id, id, email);
    if (!done.ok) return done;
    redirect(`/registrations/${id}/transfer?sent=1`);
  },
);
