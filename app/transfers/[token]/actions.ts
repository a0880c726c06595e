"use server";

import { redirect } from "next/navigation";
import { acceptTransfer } from "@/db/payments/transfer-accept";
import { tokenArg } from "@/lib/schemas/bound";
import { transferAcceptSchema } from "@/lib/schemas/transfer";
import { formAction } from "../../action";

/** "Accept transfer": the place becomes the signed-in recipient's, with the car they chose. */
export const acceptTransferAction = formAction(
  { bound: [tokenArg], signIn: (token) => `/transfers/${token}`, schema: transferAcceptSchema, fields: ["carId"] },
  async ({ user, bound: [token] }, { carId }) => {
    const done = await acceptTransfer(user.id, token, carId);
    if (!done.ok) return done;
    redirect(`/registrations/${done.registrationId}?saved=transferred`);
  },
);
