import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions";
import { auth } from "@/auth";
import { isClubStaff } from "@/db/clubs";
import { LanguageSwitch } from "./language-switch";

const navLink = "inline-flex min-h-11 items-center whitespace-nowrap rounded-lg px-2 text-[15px] font-semibold text-ink hover:bg-accent-soft hover:text-accent sm:px-3 sm:text-base";

export async function SiteHeader() {
  const [session, t] = await Promise.all([auth(), getTranslations("nav")]);
  const userId = session?.user?.id;
  const staff = userId ? await isClubStaff(userId) : false;
  return (
    <header className="no-print border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 pt-2">
        <Link href="/" className="flex min-h-11 items-center gap-2 text-lg font-extrabold tracking-tight text-ink">
          <span aria-hidden className="inline-block h-6 w-6 rounded-full border-[5px] border-accent" />
          Ringmeet
        </Link>
        <div className="flex items-center gap-1">
          {session ? (
            <>
              <Link href="/account" className={navLink}>{t("account")}</Link>
              <form action={signOutAction}>
                <button type="submit" className={navLink}>{t("signOut")}</button>
              </form>
            </>
          ) : (
            <Link href="/signin" className={`${navLink} text-accent`}>{t("signIn")}</Link>
          )}
        </div>
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-2 pb-1">
        <nav aria-label={t("main")}>
          <ul className="flex flex-wrap">
            <li><Link className={navLink} href="/events">{t("events")}</Link></li>
            <li><Link className={navLink} href="/garage">{t("garage")}</Link></li>
            <li><Link className={navLink} href="/registrations">{t("registrations")}</Link></li>
            {staff ? <li><Link className={navLink} href="/organise">{t("organise")}</Link></li> : null}
          </ul>
        </nav>
        <LanguageSwitch label={t("language")} />
      </div>
    </header>
  );
}
