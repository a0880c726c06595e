"use client";

import { useTranslations } from "next-intl";
import { formatClock } from "@/lib/time";
import type { CheckInCopy } from "@/lib/check-in/types";
import type { SyncNotice } from "./use-pending-queue";

/** What the server told this phone about check-ins it sent: later than another phone's, refused, or not sent yet. */
export function SyncNotices({
  notices,
  copy,
  onDismiss,
}: {
  notices: SyncNotice[];
  copy: CheckInCopy;
  onDismiss: (n: SyncNotice) => void;
}) {
  const t = useTranslations("checkIn");
  if (notices.length === 0) return null;
  const plaqueOf = (id: string) => copy.cars.find((c) => c.registrationId === id)?.plaque ?? "?";
  const text = (n: SyncNotice) => {
    if (n.kind === "error" || n.kind === "signedOut") return t(n.kind === "error" ? "syncError" : "signedOut");
    if (n.kind === "refused") {
      const reason = ["notRegistered", "cancelled", "waitingOnly", "checklist"].includes(n.reason)
        ? t(`reasons.${n.reason as "cancelled"}`)
        : n.reason;
      return t("refusedByServer", { plaque: plaqueOf(n.registrationId), reason });
    }
    const time = n.state.checkedInAt ? formatClock(new Date(n.state.checkedInAt)) : "";
    const plaque = plaqueOf(n.registrationId);
    return n.state.checkedInBy
      ? t("later", { plaque, time, name: n.state.checkedInBy })
      : t("laterNoName", { plaque, time });
  };
  return (
    <ul className="flex flex-col gap-2">
      {notices.map((n, i) => (
        <li
          key={i}
          role="alert"
          className="flex items-start justify-between gap-3 rounded-xl border-4 border-ink bg-[#fdb022] p-3 text-lg font-bold text-black"
        >
          <span>! {text(n)}</span>
          <button
            type="button"
            onClick={() => onDismiss(n)}
            className="min-h-11 min-w-11 shrink-0 whitespace-nowrap rounded-lg border-2 border-black px-3 text-base"
          >
            {t("close")}
          </button>
        </li>
      ))}
    </ul>
  );
}
