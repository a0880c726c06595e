"use server";

import { redirect } from "next/navigation";
import { enterLottery } from "@/db/registrations/lottery-entries";
import type { WriteResult } from "@/db/registrations/checks";
import { registerCar } from "@/db/registrations/writes";
import { slugArg } from "@/lib/schemas/bound";
import { lotteryEntrySchema } from "@/lib/schemas/lottery-entry";
import { formInput, registrationSchema } from "@/lib/schemas/registration";
import { formAction } from "../../../action";
import { revalidateEventPage } from "../../revalidate";

const registerPage = (slug: string) => `/events/${slug}/register`;

/** A registration opens its ticket; the page refreshed is the event the database registered for, not the bound slug. */
function opened(result: WriteResult) {
  if (!result.ok) return result;
  if (result.eventSlug) revalidateEventPage(result.eventSlug);
  redirect(`/registrations/${result.registrationId}`);
}

const FIELDS = ["carId", "sessionIds", "secondDriverName", "secondDriverEmail", "acceptRules"];
/** The answers typed, back into their fields (`answers.<question id>`) when the form is refused. */
const answerValues = (input: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries((input.answers ?? {}) as Record<string, unknown>).map(([id, v]) => [`answers.${id}`, String(v)]),
  );

export const registerAction = formAction(
  {
    bound: [slugArg],
    signIn: registerPage,
    schema: registrationSchema,
    // Counted by registerCar, in its reads' batch (docs/PERFORMANCE.md).
    input: (form) => formInput(form.entries()),
    echo: (input) => ({
      ...Object.fromEntries(
        FIELDS.map((f) => [f, Array.isArray(input[f]) ? input[f].join(",") : String(input[f] ?? "")]),
      ),
      ...answerValues(input),
    }),
  },
  async ({ user }, registration) => opened(await registerCar(user.id, registration, { limit: "registrationsPerUser" })),
);

/** A ballot entry: the same checks, ranked choices instead of ticked sessions. */
export const enterLotteryAction = formAction(
  {
    bound: [slugArg],
    signIn: registerPage,
    schema: lotteryEntrySchema,
    limit: "registrationsPerUser",
    input: (form) => formInput(form.entries(), []),
    echo: (input) =>
      Object.fromEntries(
        Object.entries({ ...input, ...answerValues(input) })
          .filter(([k]) => k !== "idempotencyKey" && k !== "eventId" && k !== "answers")
          .map(([k, v]) => [k, String(v ?? "")]),
      ),
  },
  async ({ user }, entry) => opened(await enterLottery(user.id, entry)),
);
