import { getTranslations } from "next-intl/server";
import type { LotteryStats } from "@/lib/lottery/stats";

/**
 * A draw run's figures: how many cars got something, their first choice, their top two; per
 * session. Organisers see them for each run, everybody for the published one.
 */
export async function DrawFigures({
  stats,
  sessions,
}: {
  stats: LotteryStats;
  sessions: { id: string; name: string }[];
}) {
  const t = await getTranslations("lottery.admin");
  const figures = [
    ["placed", stats.placed],
    ["firstChoice", stats.firstChoice],
    ["topTwo", stats.topTwo],
    ["nothing", stats.nothing],
  ] as const;
  const nameOf = new Map(sessions.map((s) => [s.id, s.name]));
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([key, value]) => (
          <div key={key} className="rounded-lg border border-line bg-white p-3">
            <dt className="text-sm text-muted">{t(key)}</dt>
            <dd className="text-2xl font-extrabold tabular-nums">
              {value} <span className="text-base font-semibold text-muted">/ {stats.entries}</span>
            </dd>
          </div>
        ))}
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-base">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-3">
                {t("session")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("filled")}
              </th>
              <th scope="col" className="py-2 text-right">
                {t("waiting")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...stats.sessions]
              .sort((a, b) => (nameOf.get(a.id) ?? "").localeCompare(nameOf.get(b.id) ?? ""))
              .map((s) => (
                <tr key={s.id} className="border-b border-line">
                  <th scope="row" className="py-2 pr-3 font-semibold">
                    {nameOf.get(s.id) ?? s.id}
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {s.filled} / {s.capacity}
                  </td>
                  <td className="py-2 text-right tabular-nums">{s.waiting}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
