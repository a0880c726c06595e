import type { FeesInput } from "@/lib/schemas/fees";

/**
 * Fees as the form saves them (lib/schemas/fees.test.ts reads its sample form into exactly these):
 * €45 entry into a German account, every setting away from its default.
 */
export const sampleFees = (over: Partial<FeesInput> = {}): FeesInput => ({
  entryCents: 4500,
  prices: {},
  accountHolder: "BMW 1M Club e.V.",
  iban: "DE89370400440532013000",
  bic: "COBADEFFXXX",
  payWithinDays: 10,
  fullRefundUntil: "2031-06-30",
  offerFreedPlaces: true,
  offerHours: 48,
  // 18:00 in Berlin in summer (UTC+2).
  transfersUntil: new Date("2031-07-01T16:00:00Z"),
  transferRule: "moves_as_paid",
  ...over,
});
