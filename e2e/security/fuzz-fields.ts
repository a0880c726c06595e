// The fields of the fuzzer's server-action targets (fuzz-actions.ts) that need more than a schema's
// own properties: the event, paperwork and fees forms' numbered rows and their shapes.

import { z } from "zod";
import { eventSchema, sessionSchema } from "../../lib/schemas/event";
import { QUESTION_KINDS } from "../../lib/paperwork";
import { paperworkSchema } from "../../lib/schemas/paperwork";
import { feesSchema } from "../../lib/schemas/fees";
import { jsonSchemaOf, type JsonSchema } from "./arbitraries";

export const props = (schema: z.ZodType) => jsonSchemaOf(schema).properties ?? {};
export const text = { type: "string" } as const;
export const eventFields = (): Record<string, JsonSchema> => {
  const { sessions: _, ...event } = props(eventSchema);
  const row = (i: number) =>
    Object.fromEntries(Object.entries(props(sessionSchema)).map(([k, v]) => [`sessions.${i}.${k}`, v]));
  return {
    ...event,
    ...row(0),
    ...row(1),
    clubId: text,
    intent: { type: "string", enum: ["save", "publish", "addSession"] },
  };
};
export const form = (fields: Record<string, z.ZodType>) => props(z.object(fields));
export const paperworkFields = (): Record<string, JsonSchema> => {
  const { questions: _, ...paperwork } = props(paperworkSchema);
  const box = z.enum(["on", ""]);
  const question = form({
    id: z.uuid(),
    text: z.string(),
    kind: z.enum(QUESTION_KINDS),
    choices: z.string(),
    required: box,
    remove: box,
  });
  const row = (i: number) => Object.fromEntries(Object.entries(question).map(([k, v]) => [`questions.${i}.${k}`, v]));
  return { ...paperwork, ...row(0), ...row(1), intent: { type: "string", enum: ["save", "addQuestion"] } };
};

/** The fees form, with values that often pass (so saves reach the database), and prices for a session of the event and of another. */
export const feesFields = (): Record<string, JsonSchema> => {
  const { price: _, ...fees } = props(feesSchema);
  const amount = { type: "string", pattern: "^\\d{1,3}(\\.\\d{3})?(,\\d{2})?$" };
  const count = { type: "string", pattern: "^[1-9]\\d{0,2}$" };
  return {
    ...fees,
    entry: amount,
    "price.«session0»": amount,
    "price.«lotterySession»": amount,
    iban: { type: "string", enum: ["", "DE89370400440532013000", "DE89370400440532013001"] },
    payWithinDays: count,
    offerHours: count,
    transfersUntil: { type: "string", pattern: "^20[3-9]\\d-(0[1-9]|1[0-2])-[0-2]\\dT([01]\\d|2[0-3]):[0-5]\\d$" },
  };
};
