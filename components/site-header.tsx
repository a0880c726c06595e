import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signInLinkFrom } from "@/lib/auth-guard";
import { HeaderFrame, navLink, type AnchorProps, type HeaderActions, type HeaderViewer } from "./header-frame";
import { LanguageSwitch } from "./language-switch";
import { SignOutForm } from "./sign-out-form";

export type { HeaderActions, HeaderViewer } from "./header-frame";

/** Client-side navigation between pages rendered per request. */
function LinkAnchor({ href, className, children }: AnchorProps) {
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}

/**
 * The header of pages rendered per request: who is signed in is known on the server. `here` is
 * the page's path and query string, where "Sign in" comes back to.
 */
export async function SiteHeader({
  here,
  viewer,
  actions,
}: {
  here?: string;
  viewer: HeaderViewer;
  actions: HeaderActions;
}) {
  const t = await getTranslations("nav");
  const account = viewer ? (
    <>
      <Link href="/account" className={navLink}>
        {t("account")}
      </Link>
      <SignOutForm action={actions.signOut} label={t("signOut")} className={navLink} />
    </>
  ) : (
    <Link href={here ? signInLinkFrom(here) : "/signin"} className={`${navLink} text-accent`}>
      {t("signIn")}
    </Link>
  );
  return (
    <HeaderFrame
      text={{ main: t("main"), events: t("events"), garage: t("garage"), registrations: t("registrations") }}
      account={account}
      organise={
        viewer?.staff ? (
          <li>
            <Link className={navLink} href="/organise">
              {t("organise")}
            </Link>
          </li>
        ) : null
      }
      languageSwitch={<LanguageSwitch label={t("language")} action={actions.setLocale} />}
      Anchor={LinkAnchor}
    />
  );
}
