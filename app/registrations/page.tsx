import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listMyRegistrations } from "@/db/registrations/reads";
import { formatWhen } from "@/lib/time";
import { requireUser } from "../session";

export async function generateMetadata() {
  return { title: (await getTranslations("registrations"))("title") };
}

export default async function MyRegistrationsPage() {
  const user = await requireUser("/registrations");
  const [t, list, locale] = await Promise.all([
    getTranslations("registrations"),
    listMyRegistrations(user.id),
    getLocale(),
  ]);
  return (
    <div>
      <PageHeader title={t("title")} />
      {list.length === 0 ? (
        <p className="text-base text-muted">
          {t("empty")}{" "}
          <Link href="/events" className="font-semibold text-accent underline underline-offset-4">
            {t("browse")}
          </Link>
        </p>
      ) : null}
      <ul className="flex flex-col gap-3">
        {list.map((r) => (
          <li key={r.id}>
            <Card>
              <h2 className="text-lg font-bold">
                <Link href={`/registrations/${r.id}`} className="text-accent hover:underline">
                  {r.event.name}
                </Link>
              </h2>
              <p className="text-base text-muted">
                {r.car ? (r.car.nickname ? `${r.car.nickname} · ${r.car.plate}` : r.car.plate) : ""}
                {r.plaque ? ` · ${t("plaque", { number: r.plaque })}` : ""}
              </p>
              {r.status === "cancelled" ? <p className="mt-2 font-semibold text-danger">{t("cancelled")}</p> : null}
              <ul className="mt-2 flex flex-col gap-1">
                {r.places.map((p) => (
                  <li key={p.sessionId} className="flex flex-wrap justify-between gap-2 text-base">
                    <span>
                      {p.name}{" "}
                      <span className="text-muted tabular-nums">{formatWhen(p.startsAt, locale, { year: false })}</span>
                    </span>
                    <span
                      className={p.status === "confirmed" ? "font-semibold text-success" : "font-semibold text-warning"}
                    >
                      {p.status === "confirmed" ? t("confirmed") : t("waitingPosition", { position: p.position ?? 0 })}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
