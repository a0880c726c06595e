import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const { deleted } = await searchParams;
  const t = await getTranslations("home");
  return (
    <section className="flex flex-col gap-4 py-6">
      {deleted ? (
        <p
          role="status"
          className="rounded-lg border border-success/30 bg-success-soft px-4 py-3 font-semibold text-success"
        >
          {t("deleted")}
        </p>
      ) : null}
      <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="max-w-prose text-lg text-muted">{t("lead")}</p>
      <div className="flex flex-wrap gap-3">
        <Link href="/events" className={buttonClass("primary")}>
          {t("seeEvents")}
        </Link>
        <Link href="/garage" className={buttonClass("secondary")}>
          {t("openGarage")}
        </Link>
      </div>
    </section>
  );
}
