"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { sendBroadcast } from "@/db/broadcasts";
import { broadcastSchema } from "@/lib/schemas/broadcast";
import { slugArg } from "@/lib/schemas/bound";
import { formAction } from "../../../../action";

const page = (slug: string) => `/organise/events/${slug}/broadcast`;

export const broadcastAction = formAction<[typeof slugArg], typeof broadcastSchema, { count?: number }>(
  { bound: [slugArg], signIn: page, schema: broadcastSchema, fields: ["audience", "sessionId", "subject", "body"] },
  async ({ user, bound: [slug] }, message) => {
    const result = await sendBroadcast(user.id, slug, message);
    if (!result) notFound();
    if (!result.ok) return result;
    revalidatePath(page(slug));
    return { ok: true, count: result.recipients };
  },
);
