import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { RadioGroup } from "@/components/ui/radio-group";
import { PageHeader } from "@/components/ui/page-header";
import { getGrid } from "@/db/roster/parade-grid";
import { paintName } from "@/lib/car-catalogue";
import { can } from "@/lib/roles";
import { requireUser } from "../../../../../session";
import { generateGridAction, moveCarAction, saveOrderAction } from "./actions";
import { GridList } from "./grid-list";

type Props = {
  params: Promise<{ slug: string; sessionId: string }>;
  searchParams: Promise<{ saved?: string; generated?: string; error?: string }>;
};
const link = "inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4";

export default async function GridPage({ params, searchParams }: Props) {
  const [{ slug, sessionId }, query] = await Promise.all([params, searchParams]);
  const here = `/organise/events/${slug}/grid/${sessionId}`;
  const user = await requireUser(here);
  const data = await getGrid(user.id, slug, sessionId);
  if (!data) notFound();
  const t = await getTranslations("grid");
  const ref = { slug, sessionId };
  const editable = can(data.role, "changeRoster");
  const cars = data.grid.flatMap((e) => (e.kind === "car" ? [e.car] : []));
  // Grid index i + 1 is the car at list row i (index 0 is the pace car, which never moves).
  const up = cars.map((_, i) => (i > 0 ? moveCarAction.bind(null, ref, i + 1, i) : null));
  const down = cars.map((_, i) => (i < cars.length - 1 ? moveCarAction.bind(null, ref, i + 1, i + 2) : null));
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={t("title", { session: data.session.name })}>
        <span className="flex flex-wrap gap-x-4">
          <Link href={`${here}/print`} className={link}>
            {t("print")}
          </Link>
          <a href={`${here}/grid.pdf`} className={link}>
            {t("pdf")}
          </a>
          <a href={`${here}/grid.csv`} className={link}>
            {t("csv")}
          </a>
        </span>
      </PageHeader>
      <p className="text-base">
        {data.event.name} · {t("cars", { count: cars.length })}
      </p>
      {query.error === "stale" ? (
        <Notice tone="warning" role="alert">
          {t("stale")}
        </Notice>
      ) : null}
      {query.generated ? (
        <Notice tone="success" role="status">
          {t("generated")}
        </Notice>
      ) : null}
      {editable ? (
        <Card>
          <form action={generateGridAction.bind(null, ref)} className="flex flex-col gap-3">
            <RadioGroup
              name="mode"
              legend={t("generate")}
              options={[
                { value: "colour-blocks", label: t("byColour") },
                { value: "plaque", label: t("byPlaque") },
              ]}
            />
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-base font-semibold">{t("colourOrder")}</legend>
              {data.colours.map((colour, i) => (
                <label key={colour} className="flex min-h-11 items-center gap-3 text-base">
                  <input
                    type="number"
                    name={`colour:${colour}`}
                    defaultValue={i + 1}
                    min={1}
                    max={99}
                    className="h-11 w-20 rounded-lg border border-line px-2"
                    aria-label={t("colourPosition", { colour: paintName(colour) })}
                  />
                  {paintName(colour)}
                </label>
              ))}
            </fieldset>
            <Button type="submit" className="self-start">
              {t("generateButton")}
            </Button>
          </form>
        </Card>
      ) : null}
      <GridList
        key={cars.map((c) => c.registrationId).join()}
        rows={cars}
        up={up}
        down={down}
        saveOrder={saveOrderAction.bind(null, ref)}
        editable={editable}
      />
    </div>
  );
}
