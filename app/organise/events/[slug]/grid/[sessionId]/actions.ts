"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { generateGrid, getGrid, saveGrid, type GridSave } from "@/db/roster/parade-grid";
import { gridOrderIds, moveInGrid, type GridMode } from "@/lib/roster/parade-grid";
import { gridRefArg, positionArg } from "@/lib/schemas/bound";
import { postAction } from "../../../../../action";

type Ref = { slug: string; sessionId: string };
const page = (ref: Ref) => `/organise/events/${ref.slug}/grid/${ref.sessionId}`;
const orderArg = z.array(z.uuid()).max(2000);

function finish(ref: Ref, result: GridSave, query = "saved=1") {
  if (!result) notFound();
  revalidatePath(page(ref));
  // A stale order (someone cancelled or was moved meanwhile) reloads the current grid with a note.
  redirect(`${page(ref)}?${result.ok ? query : "error=stale"}`);
}

/** Colour blocks in the order the organiser numbered them (ties and blanks after, A–Z), or plaque order. */
export const generateGridAction = postAction(
  { bound: [gridRefArg], signIn: page },
  async ({ user, bound: [ref], form }) => {
    const ranked = [...form.entries()]
      .filter(([k]) => k.startsWith("colour:"))
      .map(([k, v]) => ({ colour: k.slice(7), n: Number(v) || Infinity }));
    ranked.sort((a, b) => a.n - b.n || a.colour.localeCompare(b.colour));
    const mode: GridMode =
      form.get("mode") === "colour-blocks"
        ? { kind: "colour-blocks", colourOrder: ranked.map((r) => r.colour) }
        : { kind: "plaque" };
    finish(ref, await generateGrid(user.id, ref.slug, ref.sessionId, mode), "generated=1");
  },
);

/** One step up or down: a plain form button, so it works by keyboard, by touch and without JavaScript. */
export const moveCarAction = postAction(
  { bound: [gridRefArg, positionArg, positionArg], signIn: page },
  async ({ user, bound: [ref, from, to] }) => {
    const current = await getGrid(user.id, ref.slug, ref.sessionId);
    if (!current) notFound();
    finish(
      ref,
      await saveGrid(user.id, ref.slug, ref.sessionId, gridOrderIds(moveInGrid(current.grid, from, to)), {
        kind: "manual",
      }),
      `saved=1#pos-${to + 1}`,
    );
  },
);

/** The whole order at once, from dragging in the browser. */
export const saveOrderAction = postAction(
  { bound: [gridRefArg], args: [orderArg], signIn: page },
  async ({ user, bound: [ref], args: [order] }) => {
    const result = await saveGrid(user.id, ref.slug, ref.sessionId, order, { kind: "manual" });
    if (result?.ok) revalidatePath(page(ref));
    return { ok: !!result?.ok };
  },
);
