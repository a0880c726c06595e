import { getTranslations } from "next-intl/server";

// A plain link, not next/link: this boundary is part of every page's module graph, and next/link
// would be shipped to the cached public event page, which has no other use for it (3 KB gzip).
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-base text-muted">{t("body")}</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a
        href="/events"
        className="mt-4 inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4"
      >
        {t("back")}
      </a>
    </div>
  );
}
