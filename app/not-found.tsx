import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-base text-muted">{t("body")}</p>
      <Link
        href="/events"
        className="mt-4 inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4"
      >
        {t("back")}
      </Link>
    </div>
  );
}
