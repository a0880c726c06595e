import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleFees } from "@/test/fees";
import { amountText, feesFormInput, feesSchema, feesToFormValues, MAX_FEE_CENTS } from "./fees";

const GP = "0b6f8a52-3f36-4a52-9d0a-8d5c2b1e7f10";
const PARADE = "5d1e2c3b-4a59-4b68-8c77-9e8f7a6b5c4d";
const IBAN = "DE89370400440532013000";
const base = { payWithinDays: "14", offerHours: "24", transferRule: "recipient_pays" };
const account = { accountHolder: "Club", iban: IBAN };

const parse = (fields: Record<string, string>) =>
  feesSchema.safeParse(feesFormInput(Object.entries({ ...base, ...fields })).input);
const messages = (fields: Record<string, string>) =>
  Object.fromEntries((parse(fields).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("feesSchema", () => {
  it("reads euros typed the German way, prices per session, the account and the deadlines", () => {
    const result = parse({
      entry: "1.234,50",
      [`price.${GP}`]: "120",
      [`price.${PARADE}`]: "",
      accountHolder: " BMW 1M Club e.V. ",
      iban: "de89 3704 0044 0532 0130 00",
      bic: "cobadeff xxx",
      payWithinDays: "10",
      fullRefundUntil: "2031-06-30",
      offerFreedPlaces: "on",
      offerHours: "48",
      transfersUntil: "2031-07-01T18:00",
      transferRule: "moves_as_paid",
    });
    // Every setting away from its default, the transfer deadline at 18:00 Berlin summer time (16:00 UTC).
    expect(result.data).toEqual(sampleFees({ entryCents: 123450, prices: { [GP]: 12000, [PARADE]: 0 } }));
  });

  it("reads English amounts and a free event without any account", () => {
    expect(parse({ ...account, entry: "1,234.50" }).data?.entryCents).toBe(123450);
    expect(parse({ ...account, entry: "€45" }).data?.entryCents).toBe(4500);
    expect(parse({}).data).toMatchObject({ entryCents: 0, prices: {}, accountHolder: null, iban: null, bic: null });
  });

  it("asks for the account holder and the IBAN, beside them, once anything costs money", () => {
    const required = { accountHolder: "fees.errors.holderRequired", iban: "fees.errors.ibanRequired" };
    expect(messages({ entry: "45" })).toEqual(required);
    expect(messages({ entry: "0", [`price.${GP}`]: "120" })).toEqual(required);
    expect(messages({ ...account, entry: "45" })).toEqual({});
  });

  it("refuses a wrong IBAN check, a malformed BIC, bad amounts and numbers out of range", () => {
    expect(messages({ iban: "DE89370400440532013001" })).toEqual({ iban: "fees.errors.iban" });
    expect(messages({ entry: "45", accountHolder: "Club", iban: "DE00 1234" })).toEqual({ iban: "fees.errors.iban" });
    expect(messages({ entry: "45", accountHolder: "Club", iban: "x".repeat(201) })).toEqual({
      iban: "fees.errors.iban",
    });
    expect(messages({ bic: "COBA1" })).toEqual({ bic: "fees.errors.bic" });
    expect(messages({ entry: "-5" })).toEqual({ entry: "fees.errors.amount" });
    expect(messages({ entry: "45,555.5.5" })).toEqual({ entry: "fees.errors.amount" });
    expect(messages({ ...account, [`price.${GP}`]: "100.000,00" })).toEqual({});
    expect(messages({ ...account, [`price.${GP}`]: "100.000,01" })).toEqual({ [`price.${GP}`]: "fees.errors.amount" });
    expect(messages({ payWithinDays: "0", offerHours: "337" })).toEqual({
      payWithinDays: "fees.errors.payWithinDays",
      offerHours: "fees.errors.offerHours",
    });
    expect(messages({ payWithinDays: "2.5", offerHours: "" })).toEqual({
      payWithinDays: "fees.errors.payWithinDays",
      offerHours: "fees.errors.offerHours",
    });
    expect(messages({ fullRefundUntil: "2031-02-31", transfersUntil: "2031-07-01" })).toEqual({
      fullRefundUntil: "errors.dateRequired",
      transfersUntil: "errors.momentRequired",
    });
    expect(messages({ transferRule: "seller_keeps" })).toEqual({ transferRule: "fees.errors.transferRule" });
  });

  it("takes prices only for well-formed session ids (a forged one is left out)", () => {
    const result = parse({ ...account, "price.'; drop table": "5", [`price.${GP}`]: "5", "price.": "5" });
    expect(result.data?.prices).toEqual({ [GP]: 500 });
  });

  it("gives saved fees back as the form's values, in either language, which parse to the same fees", () => {
    const saved = {
      entryCents: 123450,
      accountHolder: "Club",
      iban: IBAN,
      bic: null,
      payWithinDays: 14,
      fullRefundUntil: null,
      offerFreedPlaces: false,
      offerHours: 24,
      transfersUntil: new Date("2031-12-01T09:30:00Z"),
      transferRule: "recipient_pays" as const,
    };
    const sessions = [
      { id: GP, priceCents: 12000 },
      { id: PARADE, priceCents: 0 },
    ];
    for (const locale of ["en", "de"] as const) {
      const values = feesToFormValues(saved, sessions, locale);
      expect(parse(values).data).toEqual({ ...saved, prices: { [GP]: 12000, [PARADE]: 0 } });
    }
    expect(feesToFormValues(saved, sessions, "de")).toMatchObject({
      entry: "1.234,50",
      [`price.${GP}`]: "120,00",
      iban: "DE89 3704 0044 0532 0130 00",
      transfersUntil: "2031-12-01T10:30",
    });
    expect(feesToFormValues(saved, sessions, "en").entry).toBe("1,234.50");
  });

  it("shows every amount so that it reads back as the same cents", () => {
    const locale = fc.constantFrom("en" as const, "de" as const);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEE_CENTS }), locale, (cents, l) => {
        expect(parse({ ...account, entry: amountText(cents, l) }).data?.entryCents).toBe(cents);
      }),
    );
  });
});
