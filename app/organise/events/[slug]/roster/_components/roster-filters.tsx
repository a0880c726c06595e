import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { SearchRow } from "@/components/ui/search-row";
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
      <SearchRow
        id="roster-q"
        label={t("search")}
        hint={t(detailed ? "searchHint" : "searchHintGate")}
        q={query.q}
        button={t("apply")}
      />
      <details
        className="rounded-lg border border-line bg-white p-3"
        open={Boolean(filtered) || query.sort !== "plaque" || query.dir !== "asc"}
      >
        <summary className="flex min-h-11 cursor-pointer items-center font-semibold">{t("filters")}</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Filter
            name="session"
            label={t("session")}
            any={t("anySession")}
            value={query.session}
            options={facets.sessions.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Filter
            name="status"
            label={t("status")}
            any={t("anyStatus")}
            value={query.status}
            options={(["confirmed", "waiting", "cancelled"] as const).map((s) => ({
              value: s,
              label: t(`statuses.${s}`),
            }))}
          />
          <Filter
            name="checkedIn"
            label={t("checkedInFilter")}
            any={t("anyCheckedIn")}
            value={query.checkedIn}
            options={[
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ]}
          />
          <Filter
            name="paperwork"
            label={t("columns.paperwork")}
            any={t("anyPaperwork")}
            value={query.paperwork}
            options={[
              { value: "complete", label: t("paperworkComplete") },
              { value: "missing", label: t("paperworkIncomplete") },
            ]}
          />
          <Filter
            name="colour"
            label={t("colour")}
            any={t("anyColour")}
            value={query.colour}
            options={facets.colours.map((c) => ({ value: c, label: c }))}
          />
          <Filter
            name="model"
            label={t("model")}
            any={t("anyModel")}
            value={query.model}
            options={facets.models.map((m) => ({ value: m.code, label: m.name }))}
          />
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

/** One filter: "any" first, then its options; ids follow the names (roster-checkedIn…). */
function Filter(props: {
  name: string;
  label: string;
  any: string;
  value: string | null;
  options: { value: string; label: string }[];
}) {
  return (
    <SelectField name={props.name} id={`roster-${props.name}`} label={props.label} defaultValue={props.value ?? ""}>
      <option value="">{props.any}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}
