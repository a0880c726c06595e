import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { auditSentence, type AuditLine } from "@/lib/roster/audit-sentence";
import { locales } from "@/lib/locale";
import { messagesFor } from "./messages";

// Every kind of line db/ writes to the audit log, with the details it writes (and with them missing).
const lines: AuditLine[] = [
  { action: "move", actor: "Ada", car: "#3 Jonas (M-AB 1)", detail: { from: "Corso", to: "Photo", status: "waiting" } },
  { action: "promote", actor: "Ada", car: "#3 Jonas (M-AB 1)", detail: { session: "Corso", position: 2 } },
  { action: "remove", actor: "Ada", car: "#3 Jonas (M-AB 1)", detail: {} },
  { action: "autoPromote", actor: null, car: "#4 Mia (K-XY 9)", detail: { session: "GP track session 1" } },
  { action: "draw.run", actor: "Ada", car: null, detail: { drawId: "d", seed: "4f1c9e" } },
  { action: "draw.publish", actor: "Ada", car: null, detail: { drawId: "d", seed: "4f1c9e" } },
  { action: "grid.save", actor: "Ada", car: null, detail: { sessionId: "s", mode: "manual", cars: 30 } },
  { action: "plaques.assign", actor: "Ada", car: null, detail: { rule: "registration-order", assigned: 92 } },
  { action: "plaque.change", actor: "Ada", car: "#3 Jonas (M-AB 1)", detail: { from: null, to: 7 } },
  { action: "checklist.add", actor: "Ada", car: null, detail: { label: "Helmet", required: true } },
  { action: "checklist.remove", actor: "Ada", car: null, detail: { label: "Helmet" } },
  { action: "broadcast", actor: "Ada", car: null, detail: { subject: "Gate opens at 8", recipients: 92 } },
  {
    action: "mail.retry",
    actor: "Ada",
    car: null,
    detail: { mailId: "m", kind: "eventCancelled", recipient: "x@example.test" },
  },
  { action: "fees.save", actor: "Ada", car: null, detail: { entryCents: 4500, sessions: 2 } },
  { action: "payment.mark", actor: "Ada", car: "#3 Jonas (M-AB 1)", detail: { cents: 16500 } },
  { action: "refund.grant", actor: "Ada", car: "#3 Jonas (M-AB 1)", detail: { cents: 5000 } },
  { action: "refunds.sent", actor: "Ada", car: null, detail: { count: 3, cents: 49500 } },
  { action: "statement.import", actor: "Ada", car: null, detail: { file: "camt053.xml", booked: 7 } },
  { action: "autoPromote", actor: null, car: null, detail: {} },
  { action: "something.new", actor: null, car: null, detail: {} },
];

describe("audit lines", () => {
  it.each(locales)("read without a blank in %s, whatever details are missing", (locale) => {
    const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "roster" });
    for (const line of lines) {
      const sentence = auditSentence((key, values) => t(key as never, values as never), line);
      expect(sentence, line.action).not.toMatch(/\{|\}|\s[.,:)]|\(\s|“”|„“|\s{2}|^\s|undefined|null|NaN/);
      expect(sentence.length, line.action).toBeGreaterThan(10);
    }
  });

  it("say amounts of money as money, in each language", () => {
    const say = (locale: "en" | "de") => {
      const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "roster" });
      return auditSentence(
        (key, values) => t(key as never, values as never),
        lines.find((l) => l.action === "payment.mark")!,
      );
    };
    expect(say("en")).toBe("Ada marked €165.00 as paid for #3 Jonas (M-AB 1)");
    expect(say("de").replace(/\s/g, " ")).toBe("Ada hat 165,00 € für #3 Jonas (M-AB 1) als bezahlt markiert");
  });

  it("say a published draw is a published draw, with its seed, not a car moving up", () => {
    const t = createTranslator({ locale: "en", messages: messagesFor("en"), namespace: "roster" });
    const sentence = auditSentence((key, values) => t(key as never, values as never), lines[5]!);
    expect(sentence).toBe(
      "Ada published the draw, seed 4f1c9e: places confirmed and waiting lists written in draw order.",
    );
  });
});
