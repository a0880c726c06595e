import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/locale";

/**
 * Two submit buttons in a plain form: switching language works before JavaScript loads.
 * `locale` is given on pages cached per language, which must not read the request; `action` sets
 * the language cookie.
 */
export async function LanguageSwitch({
  label,
  locale: given,
  action,
}: {
  label: string;
  locale?: Locale;
  action: (formData: FormData) => Promise<void>;
}) {
  const locale = given ?? (await getLocale());
  return (
    <form action={action} className="ml-auto flex" aria-label={label}>
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
  );
}
