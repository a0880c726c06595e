import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { RosterFacets } from "@/db/roster/reads";
import { ROSTER_SORTS, type RosterQuery } from "@/lib/roster/query";
import { rosterPath } from "./roster-queries";

/**
 * Search and filters as a GET form: it works before (and without) JavaScript, and links keep it.
 * `detailed`: the viewer may search e-mails and VINs too (db/roster/reads.ts searchSql).
 */
export async function RosterFilters({
  slug,
  query,
  facets,
  detailed,
}: {
  slug: string;
  query: RosterQuery;
  facets: RosterFacets;
  detailed: boolean;
}) {
  const t = await getTranslations("roster");
  const filtered = query.session || query.status || query.checkedIn || query.paperwork || query.colour || query.model;
  return (
    <form
      method="get"
      action={rosterPath(slug)}
      role="search"
      aria-label={t("filters")}
      className="flex flex-col gap-3"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field
          name="q"
          id="roster-q"
          type="text"
          enterKeyHint="search"
          label={t("search")}
          hint={t(detailed ? "searchHint" : "searchHintGate")}
          defaultValue={query.q}
          className="flex-1"
          autoComplete="off"
        />
        <button type="submit" className={buttonClass("primary", "sm:mb-7")}>
          {t("apply")}
        </button>
      </div>
      <details
        className="rounded-lg border border-line bg-white p-3"
        open={Boolean(filtered) || query.sort !== "plaque" || query.dir !== "asc"}
      >
        <summary className="flex min-h-11 cursor-pointer items-center font-semibold">{t("filters")}</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField name="session" id="roster-session" label={t("session")} defaultValue={query.session ?? ""}>
            <option value="">{t("anySession")}</option>
            {facets.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <SelectField name="status" id="roster-status" label={t("status")} defaultValue={query.status ?? ""}>
            <option value="">{t("anyStatus")}</option>
            {(["confirmed", "waiting", "cancelled"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="checkedIn"
            id="roster-checked-in"
            label={t("checkedInFilter")}
            defaultValue={query.checkedIn ?? ""}
          >
            <option value="">{t("anyCheckedIn")}</option>
            <option value="yes">{t("yes")}</option>
            <option value="no">{t("no")}</option>
          </SelectField>
          <SelectField
            name="paperwork"
            id="roster-paperwork"
            label={t("columns.paperwork")}
            defaultValue={query.paperwork ?? ""}
          >
            <option value="">{t("anyPaperwork")}</option>
            <option value="complete">{t("paperworkComplete")}</option>
            <option value="missing">{t("paperworkIncomplete")}</option>
          </SelectField>
          <SelectField name="colour" id="roster-colour" label={t("colour")} defaultValue={query.colour ?? ""}>
            <option value="">{t("anyColour")}</option>
            {facets.colours.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
          <SelectField name="model" id="roster-model" label={t("model")} defaultValue={query.model ?? ""}>
            <option value="">{t("anyModel")}</option>
            {facets.models.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <div className="grid grid-cols-2 gap-3">
            <SelectField name="sort" id="roster-sort" label={t("sort")} defaultValue={query.sort}>
              {ROSTER_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sorts.${s}`)}
                </option>
              ))}
            </SelectField>
            <SelectField name="dir" id="roster-dir" label={t("direction")} defaultValue={query.dir}>
              <option value="asc">{t("asc")}</option>
              <option value="desc">{t("desc")}</option>
            </SelectField>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("secondary")}>
            {t("apply")}
          </button>
          <Link
            href={rosterPath(slug)}
            className="inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4"
          >
            {t("reset")}
          </Link>
        </div>
      </details>
    </form>
  );
}
