"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/app/action";
import { revalidateEventPage } from "@/app/events/revalidate";
import { moveRegistrations, promoteWaiting, removeRegistrations, type RosterChange } from "@/db/roster/writes";
import { refuse } from "@/db/result";
import { refArg, slugArg } from "@/lib/schemas/bound";
import { formInput } from "@/lib/schemas/registration";
import { bulkSchema, moveSchema, promoteSchema, removeSchema } from "@/lib/schemas/roster";
import { entryPath, rosterPath } from "./_components/roster-queries";

type Done = "moved" | "promoted" | "removed";

/** A done change redirects with a summary; a refused one goes back to the form (not found: above it). */
function finish(slug: string, result: RosterChange, done: Done, to: string) {
  if (!result) return refuse("roster.errors.notFound");
  if (!result.ok) return result;
  revalidateEventPage(slug);
  revalidatePath(rosterPath(slug), "layout");
  const url = new URL(to, "http://roster.invalid");
  const summary = { done, n: result.changed.length, skipped: result.skipped.length, up: result.promoted.length };
  for (const [key, value] of Object.entries(summary)) url.searchParams.set(key, String(value));
  redirect(`${url.pathname}${url.search}`);
}

const entry = ({ slug, id }: { slug: string; id: string }) => entryPath(slug, id);

export const moveAction = formAction(
  {
    bound: [refArg],
    signIn: entry,
    schema: moveSchema,
    fields: ["fromSessionId", "toSessionId", "overbook", "reason"],
  },
  async ({ user, bound: [ref] }, input) =>
    finish(
      ref.slug,
      await moveRegistrations(user.id, ref.slug, { ...input, registrationIds: [ref.id] }),
      "moved",
      entry(ref),
    ),
);

export const promoteAction = formAction(
  { bound: [refArg], signIn: entry, schema: promoteSchema, fields: ["sessionId", "overbook", "reason"] },
  async ({ user, bound: [ref] }, input) =>
    finish(ref.slug, await promoteWaiting(user.id, ref.slug, ref.id, input), "promoted", entry(ref)),
);

export const removeAction = formAction(
  { bound: [refArg], signIn: entry, schema: removeSchema, fields: ["reason"] },
  async ({ user, bound: [ref] }, { reason }) =>
    finish(
      ref.slug,
      await removeRegistrations(user.id, ref.slug, { registrationIds: [ref.id], reason }),
      "removed",
      entry(ref),
    ),
);

const BULK_FIELDS = ["intent", "fromSessionId", "toSessionId", "overbook", "reason"];

/** The roster's bulk form: the ticked rows (repeated `ids`) moved or removed together; back to the same roster view. */
export const bulkAction = formAction(
  {
    bound: [slugArg],
    signIn: rosterPath,
    schema: bulkSchema,
    input: (form) => formInput(form.entries(), ["ids"]),
    echo: (_input, form) => Object.fromEntries(BULK_FIELDS.map((f) => [f, String(form.get(f) ?? "")])),
  },
  async ({ user, bound: [slug], form }, input) => {
    const returnTo = String(form.get("returnTo") ?? "");
    // Back to the same view: a roster address, of a length no roster link reaches (a search is 100 characters).
    const back =
      (returnTo.startsWith(`${rosterPath(slug)}?`) && returnTo.length <= 2000) || returnTo === rosterPath(slug)
        ? returnTo
        : rosterPath(slug);
    const result =
      input.intent === "move"
        ? await moveRegistrations(user.id, slug, {
            registrationIds: input.ids,
            fromSessionId: input.fromSessionId!,
            toSessionId: input.toSessionId!,
            overbook: input.overbook,
            reason: input.reason,
          })
        : await removeRegistrations(user.id, slug, { registrationIds: input.ids, reason: input.reason });
    return finish(slug, result, input.intent === "move" ? "moved" : "removed", back);
  },
);
