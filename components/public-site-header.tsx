import { getTranslations } from "next-intl/server";
import { signInLinkFrom } from "@/lib/auth-guard";
import type { Locale } from "@/lib/locale";
import { AccountNav, OrganiseNavItem } from "./account-nav";
import { HeaderFrame, navLink, PlainAnchor, type HeaderActions } from "./header-frame";
import { LanguageSwitch } from "./language-switch";

// Apart from site-header.tsx on purpose: a page's client references include every one its server
// modules import, rendered or not, and next/link (3 KB gzip) has no use on the cached page.

/**
 * The same header for pages cached for everybody in one language (the public event page): it
 * reads no cookie; the signed-in links come from a small client island (AccountNav).
 */
export async function PublicSiteHeader({
  locale,
  here,
  actions,
}: {
  locale: Locale;
  here: string;
  actions: HeaderActions;
}) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const labels = { signIn: t("signIn"), signOut: t("signOut"), account: t("account"), organise: t("organise") };
  return (
    <HeaderFrame
      text={{ main: t("main"), events: t("events"), garage: t("garage"), registrations: t("registrations") }}
      account={
        <AccountNav
          labels={labels}
          linkClass={navLink}
          signInHref={signInLinkFrom(here)}
          signOutAction={actions.signOut}
        />
      }
      organise={<OrganiseNavItem label={labels.organise} linkClass={navLink} />}
      languageSwitch={<LanguageSwitch label={t("language")} locale={locale} action={actions.setLocale} />}
      Anchor={PlainAnchor}
    />
  );
}
