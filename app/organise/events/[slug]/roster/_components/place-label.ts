import type { RosterPlace } from "@/db/roster/reads";

type PlaceTranslator = (
  key: "placeConfirmed" | "placeWaiting",
  values: { session: string; position?: number },
) => string;

/** A place as the Sessions column words it: the same on the page and in the CSV. */
export function placeLabel(t: PlaceTranslator, place: Pick<RosterPlace, "name" | "status" | "position">): string {
  return place.status === "confirmed"
    ? t("placeConfirmed", { session: place.name })
    : t("placeWaiting", { session: place.name, position: place.position ?? 0 });
}
