import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getChecklist } from "@/db/checklist";
import { requireUser } from "../../../../session";
import { addChecklistItemAction, removeChecklistItemAction } from "./actions";
import { LIMITS } from "@/lib/schemas/limits";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string }> };

/** The organisers' editor for what the gate checks on each car before letting it in. */
export default async function ChecklistPage({ params, searchParams }: Props) {
  const [{ slug }, { error }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/events/${slug}/checklist`);
  const data = await getChecklist(user.id, slug);
  if (!data) notFound();
  const t = await getTranslations("checklist");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader title={t("title")} />
      <p className="text-base">{data.event.name}</p>
      <Card className="flex flex-col gap-3">
        <p className="text-base">{t("intro")}</p>
        {data.items.length === 0 ? <p className="text-base text-muted">{t("none")}</p> : null}
        <ul className="flex flex-col divide-y divide-line" aria-label={t("title")}>
          {data.items.map((item) => (
            <li key={item.id} className="flex items-center justify-between gap-3 py-2">
              <span className="text-base font-semibold">
                {item.label}
                {item.required ? (
                  <span className="ml-2 rounded bg-warning-soft px-2 py-0.5 text-sm text-warning">
                    {t("requiredBadge")}
                  </span>
                ) : null}
              </span>
              <form action={removeChecklistItemAction.bind(null, slug, item.id)}>
                <Button type="submit" variant="secondary" aria-label={t("remove", { label: item.label })}>
                  ×
                </Button>
              </form>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <form action={addChecklistItemAction.bind(null, slug)} className="flex flex-col gap-3">
          <Field
            name="label"
            label={t("label")}
            error={error === "label" ? t("errors.label") : undefined}
            autoComplete="off"
            maxLength={LIMITS.checklistLabel}
          />
          <label className="flex min-h-11 items-center gap-3 text-base">
            <input type="checkbox" name="required" className="h-5 w-5" />
            {t("required")}
          </label>
          <Button type="submit" className="self-start">
            {t("add")}
          </Button>
        </form>
      </Card>
    </div>
  );
}
