"use server";

import { redirect } from "next/navigation";
import { saveFees } from "@/db/payments/fees";
import { refuse } from "@/db/result";
import { slugArg } from "@/lib/schemas/bound";
import { feesFormInput, feesSchema } from "@/lib/schemas/fees";
import { formAction } from "../../../../action";

const page = (slug: string) => `/organise/events/${slug}/fees`;

/** Saves the entry fee, the sessions' prices, the bank account and the rules for refunds and transfers. */
export const saveFeesAction = formAction(
  {
    bound: [slugArg],
    signIn: page,
    schema: feesSchema,
    input: (form) => feesFormInput(form.entries()).input,
    echo: (_input, form) => feesFormInput(form.entries()).values,
  },
  async ({ user, bound: [slug] }, input) => {
    const saved = await saveFees(user.id, slug, input);
    if (!saved) return refuse("errors.notAllowed");
    redirect(`${page(slug)}?saved=1`);
  },
);

export type FeesFormState = Parameters<typeof saveFeesAction>[1];
