"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <div className="py-10" role="alert">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-base text-muted">{t("body")}</p>
      <Button className="mt-4" onClick={() => reset()}>{t("retry")}</Button>
    </div>
  );
}
