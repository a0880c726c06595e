"use server";

import { redirect } from "next/navigation";
import { changeAnswers } from "@/db/paperwork/answers";
import { refuse } from "@/db/result";
import { idArg } from "@/lib/schemas/bound";
import { registrationFields } from "@/lib/schemas/fields";
import { formInput } from "@/lib/schemas/registration";
import { z } from "zod";
import { formAction } from "../../../action";

const answersSchema = z.object({ answers: registrationFields.answers });

/** Changes the answers to the event's questions while registration is open. */
export const changeAnswersAction = formAction(
  {
    bound: [idArg],
    signIn: (id) => `/registrations/${id}/answers`,
    schema: answersSchema,
    input: (form) => formInput(form.entries(), []),
    echo: (input) =>
      Object.fromEntries(
        Object.entries((input.answers ?? {}) as Record<string, unknown>).map(([k, v]) => [`answers.${k}`, String(v)]),
      ),
  },
  async ({ user, bound: [id] }, { answers }) => {
    const result = await changeAnswers(user.id, id, answers);
    if (!result) return refuse("errors.registrationNotChangeable");
    if (!result.ok) return result;
    redirect(`/registrations/${id}?saved=answers`);
  },
);
