import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { isSignInTokenUsable } from "@/db/users";
import { safeCallbackPath } from "@/lib/schemas/sign-in";
import { SignInForm } from "../_components/sign-in-form";

type Search = Promise<{ token?: string; email?: string; callbackUrl?: string }>;

// Opening the e-mailed link only shows this page; the token is used when the person presses
// "Sign in", so a mail scanner fetching the link neither spends it nor signs in.
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Search }) {
  const { token = "", email = "", callbackUrl } = await searchParams;
  const t = await getTranslations("signin");
  const destination = safeCallbackPath(callbackUrl);
  const usable = token && email ? await isSignInTokenUsable(email, token) : false;
  if (!usable) {
    return (
      <div className="mx-auto flex max-w-md flex-col gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <Notice tone="danger" role="alert">
          {t("linkUsedOrExpired")}
        </Notice>
        <Card>
          <SignInForm callbackUrl={destination} email={email} />
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-2 text-2xl font-bold tracking-tight">{t("confirmTitle")}</h1>
        <p className="mb-5 text-base text-muted">{t("confirmAs", { email })}</p>
        <form method="get" action="/api/auth/callback/nodemailer" className="flex flex-col">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="email" value={email} />
          <input type="hidden" name="callbackUrl" value={destination} />
          <Button type="submit">{t("signInButton")}</Button>
        </form>
      </Card>
    </div>
  );
}
