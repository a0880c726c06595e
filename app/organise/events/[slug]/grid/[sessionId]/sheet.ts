import "server-only";
import { getTranslations } from "next-intl/server";
import { getGrid } from "@/db/roster/parade-grid";
import type { SheetLabels, SheetLine } from "@/lib/roster/grid-sheet";
import { formatMoment } from "@/lib/time";

/** What every printed form of a grid shows (print view, PDF, CSV): the pace car first, then each car. */
export async function gridSheet(userId: string, slug: string, sessionId: string) {
  const data = await getGrid(userId, slug, sessionId);
  if (!data) return null;
  const t = await getTranslations("grid");
  const labels: SheetLabels = {
    position: t("position"),
    plaque: t("plaque"),
    driver: t("driver"),
    car: t("car"),
    colour: t("colour"),
    plate: t("plate"),
  };
  const lines: SheetLine[] = data.grid.map((entry, i) =>
    entry.kind === "pace"
      ? { position: i + 1, plaque: "", driver: t("paceCar"), car: "", colour: "", plate: "" }
      : {
          position: i + 1,
          plaque: entry.car.plaque?.toString() ?? "",
          driver: entry.car.driver,
          car: entry.car.car,
          colour: entry.car.colourName,
          plate: entry.car.plate,
        },
  );
  return {
    title: t("title", { session: data.session.name }),
    subtitle: `${data.event.name} · ${formatMoment(data.session.startsAt)} · ${t("printed", { when: formatMoment(new Date()) })}`,
    fileName: `grid-${slug}-${data.session.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`,
    lines,
    labels,
  };
}
