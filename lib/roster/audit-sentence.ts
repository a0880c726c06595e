/** What one audit line needs to be worded: who, which car (already labelled), what, with what. */
export type AuditLine = { action: string; actor: string | null; car: string | null; detail: Record<string, unknown> };
type Translate = (key: string, values?: Record<string, string | number>) => string;

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value : typeof value === "number" ? String(value) : null;

/**
 * The sentence of an audit line in the roster's "Recent changes" and a car's history. Each kind
 * of change has its own words (`roster.actions.*`); a detail that is missing takes a fallback word
 * rather than leaving a blank, and an unknown kind says only who did it.
 */
export function auditSentence(t: Translate, line: AuditLine): string {
  const actor = line.actor ?? t("someone");
  const car = line.car ?? t("unknownCar");
  const d = line.detail;
  const session = text(d.session) ?? t("aSession");
  switch (line.action) {
    case "move":
      return t("actions.move", {
        actor,
        car,
        from: text(d.from) ?? t("aSession"),
        to: text(d.to) ?? t("aSession"),
        status: t(`statuses.${d.status === "waiting" ? "waiting" : "confirmed"}`),
      });
    case "promote":
      return t("actions.promote", { actor, car, session, position: text(d.position) ?? "?" });
    case "remove":
      return t("actions.remove", { actor, car });
    case "autoPromote":
      return t("actions.autoPromote", { car, session });
    case "draw.run":
      return t("actions.drawRun", { actor, seed: text(d.seed) ?? "?" });
    case "draw.publish":
      return t("actions.drawPublish", { actor, seed: text(d.seed) ?? "?" });
    case "grid.save":
      return t("actions.gridSave", { actor, count: Number(d.cars ?? 0) });
    case "plaques.assign":
      return t("actions.plaquesAssign", { actor, count: Number(d.assigned ?? 0) });
    case "plaque.change":
      return t("actions.plaqueChange", {
        actor,
        car,
        from: text(d.from) ?? t("noPlaque"),
        to: text(d.to) ?? t("noPlaque"),
      });
    case "checklist.add":
      return t("actions.checklistAdd", { actor, item: text(d.label) ?? "?" });
    case "checklist.remove":
      return t("actions.checklistRemove", { actor, item: text(d.label) ?? "?" });
    case "broadcast":
      return t("actions.broadcast", { actor, subject: text(d.subject) ?? "?", count: Number(d.recipients ?? 0) });
    case "checkInOverride":
      return t("actions.checkInOverride", { actor, car });
    case "paperwork.save":
      return t("actions.paperworkSave", { actor });
    case "fees.save":
      return t("actions.feesSave", { actor });
    case "payment.mark":
      return t("actions.paymentMark", { actor, car, amount: Number(d.cents ?? 0) / 100 });
    case "refund.grant":
      return t("actions.refundGrant", { actor, car, amount: Number(d.cents ?? 0) / 100 });
    case "refunds.sent":
      return t("actions.refundsSent", { actor, count: Number(d.count ?? 0), amount: Number(d.cents ?? 0) / 100 });
    case "statement.import":
      return t("actions.statementImport", { actor, file: text(d.file) ?? "?", count: Number(d.booked ?? 0) });
    case "mail.retry":
      return t("actions.mailRetry", { actor, subject: text(d.subject) ?? text(d.kind) ?? "?" });
    default:
      return t("actions.other", { actor });
  }
}
