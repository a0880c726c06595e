"use server";

import { redirect } from "next/navigation";
import { savePaperwork } from "@/db/paperwork/settings";
import { refuse } from "@/db/result";
import { slugArg } from "@/lib/schemas/bound";
import { paperworkFormInput, paperworkSchema } from "@/lib/schemas/paperwork";
import { formAction } from "../../../../action";

const page = (slug: string) => `/organise/events/${slug}/paperwork`;
// The pipeline asks for the input, the echo, the rows and the shortcut of the same form: parse it once.
const parsed = new WeakMap<FormData, ReturnType<typeof paperworkFormInput>>();
function formOf(form: FormData) {
  if (!parsed.has(form)) parsed.set(form, paperworkFormInput(form.entries()));
  return parsed.get(form)!;
}

/** Save, or (intent "addQuestion") only add an empty question at the end: both without JavaScript too. */
export const savePaperworkAction = formAction(
  {
    bound: [slugArg],
    signIn: page,
    schema: paperworkSchema,
    input: (form) => formOf(form).input,
    echo: (_input, form) => formOf(form).values,
    keep: (form) => ({ rows: formOf(form).rows }),
    shortcut: (form) =>
      form.get("intent") === "addQuestion"
        ? {
            ok: false,
            values: { ...formOf(form).values, [`questions.${formOf(form).rows}.kind`]: "text" },
            rows: formOf(form).rows + 1,
          }
        : null,
  },
  async ({ user, bound: [slug] }, input) => {
    const saved = await savePaperwork(user.id, slug, input);
    if (!saved) return refuse("errors.notAllowed");
    redirect(`${page(slug)}?saved=${saved.newVersion ?? "1"}`);
  },
);

export type PaperworkFormState = Parameters<typeof savePaperworkAction>[1];
