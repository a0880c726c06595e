import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { env } from "@/env";

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const t = await getTranslations("signin");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-3 text-2xl font-bold tracking-tight">{t("checkEmailTitle")}</h1>
        <p role="status" className="text-base">
          {email ? t("checkEmailTo", { email }) : t("checkEmail")}
        </p>
        <p className="mt-3 text-sm text-muted">{t("checkEmailHint", { minutes: 10 })}</p>
        {env().devMailbox ? (
          <p className="mt-4">
            <Link href="/dev/mail" className="font-semibold text-accent underline underline-offset-4">
              {t("openDevMailbox")}
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
