import { z } from "zod";
import { formatIban, isValidBic, isValidIban, normaliseBic, normaliseIban } from "../payments/iban";
import { formatEuro, parseEuro, type MoneyLocale } from "../payments/money";
import { TRANSFER_RULES } from "../payments/transfer-rules";
import { formatLocalInput, parseLocalInput } from "../time";
import { UUID_PATTERN } from "../uuid";
import { localMoment, optionalDay, optionalText } from "./fields";
import { LIMITS } from "./limits";

// The organiser's fees form (/organise/events/{slug}/fees): the entry fee, a price per session
// (price.<sessionId>), the bank account, payment and refund deadlines, freed places and transfers,
// posted as flat fields so that it works without JavaScript. Amounts are typed in euros, the way
// people write them in either language ("45", "1.234,50", "1,234.50"), and come out in cents.

/** What the database takes for a fee or a price (€100,000): more is a slipped key. */
export const MAX_FEE_CENTS = 10_000_000;
const MAX_SESSIONS = 60;
const PRICE_FIELD = /^price\.(.+)$/;

const amount = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? parseEuro(v) : 0))
  .refine((c): c is number => c !== null && c <= MAX_FEE_CENTS, "fees.errors.amount");

const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? Number(v) : NaN))
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, message);

/** An optional code, stored as `normalise` writes it and checked by `valid`. */
const optionalCode = (normalise: (raw: string) => string, valid: (code: string) => boolean, message: string) =>
  z
    .string()
    .max(200, message)
    .optional()
    .transform((v) => (v ? normalise(v) : "") || null)
    .refine((v) => v === null || valid(v), message);

const optionalMoment = z
  .string()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || localMoment.safeParse(v).success, "errors.momentRequired")
  .transform((v) => (v ? parseLocalInput(v) : null));

export const feesSchema = z
  .object({
    entry: amount,
    price: z
      .record(z.string().regex(UUID_PATTERN), amount)
      .refine((p) => Object.keys(p).length <= MAX_SESSIONS, "errors.notAllowed")
      .default({}),
    accountHolder: optionalText(LIMITS.accountHolder),
    iban: optionalCode(normaliseIban, isValidIban, "fees.errors.iban"),
    bic: optionalCode(normaliseBic, isValidBic, "fees.errors.bic"),
    payWithinDays: whole(1, 365, "fees.errors.payWithinDays"),
    fullRefundUntil: optionalDay,
    offerFreedPlaces: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    offerHours: whole(1, 336, "fees.errors.offerHours"),
    transfersUntil: optionalMoment,
    transferRule: z.enum(TRANSFER_RULES, { error: "fees.errors.transferRule" }),
  })
  .superRefine((f, ctx) => {
    // Refinements run although a field failed: an unreadable amount counts as nothing to pay here.
    const cents = [f.entry, ...Object.values(f.price ?? {})].map((c) => (typeof c === "number" ? c : 0));
    if (!cents.some((c) => c > 0)) return;
    // Whoever is asked to pay must be told where to: a fee needs the account it is paid into.
    if (!f.accountHolder)
      ctx.addIssue({ code: "custom", path: ["accountHolder"], message: "fees.errors.holderRequired" });
    if (!f.iban) ctx.addIssue({ code: "custom", path: ["iban"], message: "fees.errors.ibanRequired" });
  })
  .transform(({ entry, price, ...f }) => ({ ...f, entryCents: entry, prices: price }));

export type FeesInput = z.output<typeof feesSchema>;
/** An event's fee settings, as the form edits them (without the sessions' prices). */
export type FeeSettings = Omit<FeesInput, "prices">;

/** The posted form as the schema's input, and its values to show again. */
export function feesFormInput(entries: Iterable<[string, unknown]>) {
  const flat = new Map<string, string>();
  for (const [key, value] of entries) if (typeof value === "string") flat.set(key, value);
  const price: Record<string, string> = {};
  for (const [key, value] of flat) {
    const id = PRICE_FIELD.exec(key)?.[1];
    // A price for no well-formed session id is not asked for by the form: it is left out.
    if (id && UUID_PATTERN.test(id)) price[id] = value;
  }
  const field = (k: string) => flat.get(k);
  return {
    input: {
      entry: field("entry"),
      price,
      accountHolder: field("accountHolder"),
      iban: field("iban"),
      bic: field("bic"),
      payWithinDays: field("payWithinDays"),
      fullRefundUntil: field("fullRefundUntil"),
      offerFreedPlaces: field("offerFreedPlaces"),
      offerHours: field("offerHours"),
      transfersUntil: field("transfersUntil"),
      transferRule: field("transferRule"),
    },
    values: Object.fromEntries(flat),
  };
}

/** An amount as the field shows it, in the reader's way of writing numbers ("1,234.50", "1.234,50"); free: empty. */
export const amountText = (cents: number, locale: MoneyLocale) =>
  cents === 0 ? "" : formatEuro(cents, locale).replace(/[€\s]/g, "");

/** Saved fees and the sessions' prices as the form's flat values. */
export function feesToFormValues(
  fees: FeeSettings,
  sessions: readonly { id: string; priceCents: number }[],
  locale: MoneyLocale,
): Record<string, string> {
  return {
    entry: amountText(fees.entryCents, locale),
    ...Object.fromEntries(sessions.map((s) => [`price.${s.id}`, amountText(s.priceCents, locale)])),
    accountHolder: fees.accountHolder ?? "",
    iban: fees.iban ? formatIban(fees.iban) : "",
    bic: fees.bic ?? "",
    payWithinDays: String(fees.payWithinDays),
    fullRefundUntil: fees.fullRefundUntil ?? "",
    offerFreedPlaces: fees.offerFreedPlaces ? "on" : "",
    offerHours: String(fees.offerHours),
    transfersUntil: fees.transfersUntil ? formatLocalInput(fees.transfersUntil) : "",
    transferRule: fees.transferRule,
  };
}
