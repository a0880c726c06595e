import { z } from "zod";
import { UUID_PATTERN } from "@/lib/uuid";

/** A query-string value by its first occurrence: Next gives `?q=a&q=b` as ["a", "b"], read as "a". */
export const firstValue = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** A schema for one query-string parameter, read by its first value. */
export const queryParam = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema);

/** A search box's text, trimmed; cut rather than refused at `max` characters (a long paste still searches). */
export const searchTextParam = (max: number) =>
  queryParam(z.string().transform((s) => Array.from(s.trim()).slice(0, max).join("").trim())).catch("");

/** A row's id carried in a link, lower-cased; null when absent or not an id (a stale or hand-edited link). */
export const uuidParam = () =>
  queryParam(
    z
      .string()
      .regex(UUID_PATTERN)
      .transform((s) => s.toLowerCase())
      .nullable(),
  ).catch(null);
