import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";

type Search = Record<string, string | string[] | undefined>;
const count = (value: Search[string]) =>
  Math.max(0, Math.min(10_000, Number(Array.isArray(value) ? value[0] : value) || 0));

/** What the change just made did (from the redirect's query string): changed, skipped, moved up. */
export async function DoneNotice({ search }: { search: Search }) {
  const done = search.done;
  if (done !== "moved" && done !== "removed" && done !== "promoted") return null;
  const t = await getTranslations("roster.done");
  const [n, skipped, up] = [count(search.n), count(search.skipped), count(search.up)];
  const lines = [
    done === "promoted" ? t("promoted") : t(done, { count: n }),
    skipped ? t("skipped", { count: skipped }) : null,
    up ? t("movedUp", { count: up }) : null,
  ];
  return (
    <Notice tone="success" role="status">
      {lines.filter(Boolean).join(" ")}
    </Notice>
  );
}
