import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { signInLinkFrom } from "@/lib/auth-guard";
import type { Locale } from "@/lib/locale";
import { AccountNav, OrganiseNavItem } from "./account-nav";
import { LanguageSwitch } from "./language-switch";
import { SignOutForm } from "./sign-out-form";

const navLink =
  "inline-flex min-h-11 items-center whitespace-nowrap rounded-lg px-2 text-[15px] font-semibold text-ink hover:bg-accent-soft hover:text-accent sm:px-3 sm:text-base";

type NavText = { main: string; events: string; garage: string; registrations: string };

/** The server actions behind "Sign out" and the language switch: routes (app/) pass them in. */
export type HeaderActions = { signOut: () => Promise<void>; setLocale: (formData: FormData) => Promise<void> };

/** Who is signed in, as the header needs it: null when nobody is. */
export type HeaderViewer = { staff: boolean } | null;

/**
 * `plain`: ordinary links, so leaving a page cached per language loads the next page whole
 * (a client-side navigation would keep that page's request-less root layout).
 */
function NavAnchor({
  href,
  className,
  plain,
  children,
}: {
  href: string;
  className: string;
  plain?: boolean;
  children: ReactNode;
}) {
  return plain ? (
    <a href={href} className={className}>
      {children}
    </a>
  ) : (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}

function HeaderFrame({
  text,
  account,
  organise,
  languageSwitch,
  plain,
}: {
  text: NavText;
  account: ReactNode;
  organise: ReactNode;
  languageSwitch: ReactNode;
  plain?: boolean;
}) {
  return (
    <header className="no-print border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 pt-2">
        <NavAnchor
          href="/"
          plain={plain}
          className="flex min-h-11 items-center gap-2 text-lg font-extrabold tracking-tight text-ink"
        >
          <span aria-hidden className="inline-block h-6 w-6 rounded-full border-[5px] border-accent" />
          Ringmeet
        </NavAnchor>
        <div className="flex items-center gap-1">{account}</div>
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-2 pb-1">
        <nav aria-label={text.main}>
          <ul className="flex flex-wrap">
            <li>
              <NavAnchor plain={plain} className={navLink} href="/events">
                {text.events}
              </NavAnchor>
            </li>
            <li>
              <NavAnchor plain={plain} className={navLink} href="/garage">
                {text.garage}
              </NavAnchor>
            </li>
            <li>
              <NavAnchor plain={plain} className={navLink} href="/registrations">
                {text.registrations}
              </NavAnchor>
            </li>
            {organise}
          </ul>
        </nav>
        {languageSwitch}
      </div>
    </header>
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
    />
  );
}

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
      plain
    />
  );
}
