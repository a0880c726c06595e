"use client";

import { useTranslations } from "next-intl";
import type { CheckInCounts } from "@/lib/check-in/types";
import { formatClock } from "@/lib/time";

type Props = { counts: CheckInCounts; online: boolean; pendingPlaques: (number | null)[]; copyFrom: string | null };

/** "Checked in: X of Y" for the whole team (the page's one status region), then per session. */
export function CountStatus({ counts, online, pendingPlaques, copyFrom }: Props) {
  const t = useTranslations("checkIn");
  const pending = pendingPlaques.length;
  return (
    <section
      className={`flex flex-col gap-2 rounded-xl border-4 bg-white p-4 ${online ? "border-ink" : "border-[#fdb022]"}`}
    >
      <p role="status" className="text-3xl font-black tabular-nums">
        {t("count", { checkedIn: counts.checkedIn, total: counts.total })}
      </p>
      {counts.sessions.length > 1 ? (
        <details>
          <summary className="flex min-h-11 cursor-pointer items-center gap-2 text-base font-semibold">
            <span aria-hidden>▾</span>
            {t("perSession")}
          </summary>
          <ul className="flex flex-col gap-1">
            {counts.sessions.map((s) => (
              <li key={s.id} className="flex justify-between gap-3 text-base">
                <span>{s.name}</span>
                <span className="font-bold tabular-nums">
                  {t("sessionCount", { checkedIn: s.checkedIn, total: s.total })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className={`text-lg font-bold ${online ? "text-success" : "text-warning"}`}>
        <span aria-hidden>{online ? "● " : "▲ "}</span>
        {online ? t("online") : t("offline")}
        {copyFrom ? (
          <span className="block text-base font-normal text-muted">
            {t("copySaved", { time: formatClock(new Date(copyFrom)) })}
          </span>
        ) : null}
      </p>
      <div aria-live="polite">
        {pending ? (
          <p className="rounded-lg border-2 border-black bg-[#fdb022] px-3 py-2 text-xl font-black text-black">
            {t("pending", { count: pending })}
            <span className="block text-lg font-bold">
              {pendingPlaques.map((p) => (p === null ? "–" : `#${p}`)).join(" · ")}
            </span>
          </p>
        ) : null}
      </div>
    </section>
  );
}
