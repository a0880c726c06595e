import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { safeCallbackPath } from "@/lib/schemas/sign-in";
import { PasskeySignIn } from "./_components/passkey-sign-in";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signin"))("title") };
}

type Search = Promise<{ callbackUrl?: string; error?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl, error } = await searchParams;
  const t = await getTranslations("signin");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
      <p className="mb-5 text-base text-muted">{t("intro")}</p>
      {error ? (
        <div className="mb-4">
          <Notice tone="danger" role="alert">
            {error === "Verification" ? t("linkUsedOrExpired") : t("genericError")}
          </Notice>
        </div>
      ) : null}
      <Card>
        <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
        <div className="my-4 flex items-center gap-3 text-sm text-muted" aria-hidden>
          <span className="h-px flex-1 bg-line" />
          {t("or")}
          <span className="h-px flex-1 bg-line" />
        </div>
        <PasskeySignIn callbackUrl={safeCallbackPath(callbackUrl)} />
      </Card>
    </div>
  );
}
