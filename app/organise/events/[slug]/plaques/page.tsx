import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { RadioGroup } from "@/components/ui/radio-group";
import { PageHeader } from "@/components/ui/page-header";
import { listPlaques } from "@/db/roster/plaques";
import { requireUser } from "../../../../session";
import { assignPlaquesAction, changePlaqueAction } from "./actions";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ assigned?: string; changed?: string; error?: string; reg?: string; value?: string }>;
};

export default async function PlaquesPage({ params, searchParams }: Props) {
  const [{ slug }, q] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/events/${slug}/plaques`);
  const data = await listPlaques(user.id, slug);
  if (!data) notFound();
  const t = await getTranslations("plaques");
  const error = q.error === "plaqueRange" || q.error === "plaqueTaken" ? t(`errors.${q.error}`) : null;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader title={t("title")} />
      <p className="text-base">{data.event.name}</p>
      {q.assigned !== undefined ? (
        <Notice tone="success" role="status">
          {t("assigned", { count: Number(q.assigned) || 0 })}
        </Notice>
      ) : null}
      {q.changed ? (
        <Notice tone="success" role="status">
          {t("changed")}
        </Notice>
      ) : null}
      <Card>
        <form action={assignPlaquesAction.bind(null, slug)} className="flex flex-col gap-3">
          <p className="text-base">{t("intro")}</p>
          <RadioGroup
            name="rule"
            legend={t("rule")}
            options={[
              { value: "registration-order", label: t("byRegistration") },
              { value: "production-number", label: t("byProduction") },
            ]}
          />
          <Button type="submit" className="self-start">
            {t("assign")}
          </Button>
        </form>
      </Card>
      <Card>
        <ul className="flex flex-col divide-y divide-line">
          {data.rows.map((r) => {
            const failed = q.reg === r.id ? error : null;
            return (
              <li key={r.id} id={`p-${r.id}`} className="py-2">
                <form action={changePlaqueAction.bind(null, slug, r.id)} className="flex flex-wrap items-center gap-3">
                  <input
                    name="plaque"
                    inputMode="numeric"
                    defaultValue={failed ? q.value : (r.plaque ?? "")}
                    placeholder={t("none")}
                    aria-label={t("number", { plate: r.plate ?? "" })}
                    aria-invalid={failed ? true : undefined}
                    aria-describedby={failed ? `p-${r.id}-error` : undefined}
                    className="h-11 w-24 rounded-lg border border-line px-2 font-mono text-lg font-bold aria-invalid:border-danger"
                  />
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span className="truncate text-base font-semibold">{r.driver}</span>
                    <span className="text-sm text-muted">
                      {r.plate}
                      {r.confirmed ? "" : ` · ${t("waiting")}`}
                    </span>
                  </span>
                  <Button type="submit" variant="secondary">
                    {t("save")}
                  </Button>
                  {failed ? (
                    <p id={`p-${r.id}-error`} className="w-full text-sm font-medium text-danger">
                      {failed}
                    </p>
                  ) : null}
                </form>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
