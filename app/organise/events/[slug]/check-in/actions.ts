"use server";

import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { postAction } from "@/app/action";
import { checkIn } from "@/db/check-in/writes";
import { slugArg } from "@/lib/schemas/bound";
import { checkInFormSchema } from "@/lib/schemas/check-in";
import { checkInPath } from "./_components/check-in-queries";

/**
 * "Check in" on the page without JavaScript (with it, the phone queues the check-in itself and
 * sends it to ./data). Back to the same search, with the answer for that car.
 */
export const checkInFormAction = postAction(
  { bound: [slugArg], signIn: checkInPath },
  async ({ user, bound: [slug], form }) => {
    const parsed = checkInFormSchema.safeParse({
      registrationId: form.get("registrationId"),
      q: form.get("q") ?? "",
      ticks: form.getAll("ticks"),
      override: form.get("override"),
    });
    if (!parsed.success) redirect(checkInPath(slug));
    const { registrationId, q, ticks, override } = parsed.data;
    const outcome = await checkIn(user.id, slug, {
      clientId: randomUUID(),
      registrationId,
      scannedAt: new Date(),
      ticks,
      override,
    });
    if (!outcome) notFound();
    const params = new URLSearchParams({ q, r: registrationId });
    if (outcome.ok) params.set("done", outcome.accepted ? "1" : "0");
    else params.set("refused", outcome.error);
    redirect(`${checkInPath(slug)}?${params}`);
  },
);
