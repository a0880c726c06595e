import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction, signOutAction } from "@/app/actions";
import { auth } from "@/auth";
import { isClubStaff } from "@/db/clubs";

const navLink = "inline-flex min-h-11 items-center whitespace-nowrap rounded-lg px-3 text-base font-semibold text-ink hover:bg-accent-soft hover:text-accent";

export async function SiteHeader() {
  const [session, t, locale] = await Promise.all([auth(), getTranslations("nav"), getLocale()]);
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
          <form action={setLocaleAction} className="flex" aria-label={t("language")}>
            {(["de", "en"] as const).map((code) => (
              <button
                key={code}
                name="locale"
                value={code}
                type="submit"
                aria-pressed={locale === code}
                lang={code}
                className={`min-h-11 rounded-lg px-2 text-sm font-semibold ${locale === code ? "text-accent underline underline-offset-4" : "text-muted hover:text-ink"}`}
              >
                {code === "de" ? "Deutsch" : "English"}
              </button>
            ))}
          </form>
          {session ? (
            <form action={signOutAction}>
              <button type="submit" className={`${navLink} text-sm`}>
                {t("signOut")}
              </button>
            </form>
          ) : (
            <Link href="/signin" className={`${navLink} text-sm text-accent`}>
              {t("signIn")}
            </Link>
          )}
        </div>
      </div>
      <nav aria-label={t("main")} className="mx-auto max-w-5xl overflow-x-auto px-2 pb-1">
        <ul className="flex gap-1">
          <li><Link className={navLink} href="/events">{t("events")}</Link></li>
          <li><Link className={navLink} href="/garage">{t("garage")}</Link></li>
          <li><Link className={navLink} href="/registrations">{t("registrations")}</Link></li>
          {staff ? <li><Link className={navLink} href="/organise">{t("organise")}</Link></li> : null}
        </ul>
      </nav>
    </header>
  );
}
