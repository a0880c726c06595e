import type { IncomingHttpHeaders } from "node:http";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/locale";
import de from "@/messages/de/error-page.json";
import en from "@/messages/en/error-page.json";

// The page a visitor gets when the database is unreachable. Next.js renders a failed page as an
// empty shell that only JavaScript fills in (its error boundaries do not render on the server),
// so a phone without JavaScript, or on a slow network, would see a blank page. This one is
// complete HTML: no script, no stylesheet, no database.

const text: Record<Locale, typeof en.errorPage> = { en: en.errorPage, de: de.errorPage };

function cookie(header: string | undefined, name: string): string | undefined {
  return header
    ?.split(";")
    .map((c) => c.trim().split("="))
    .find(([key]) => key === name)?.[1];
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The "try again" page in the visitor's language (the language cookie, else Accept-Language). */
export function unavailablePage(headers: IncomingHttpHeaders, path: string): string {
  const locale = resolveLocale(cookie(headers.cookie, LOCALE_COOKIE), headers["accept-language"]);
  const t = text[locale];
  // "Try again" loads the page again; after a form it shows the form, so nothing is sent twice unasked.
  const again = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.unavailableTitle)} · Ringmeet</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 0 auto; padding: 2.5rem 1rem; line-height: 1.5">
<main role="alert">
<h1 style="font-size: 1.5rem">${escape(t.unavailableTitle)}</h1>
<p>${escape(t.unavailableBody)}</p>
<p><a href="${escape(again)}" style="display: inline-block; padding: 0.5rem 1rem; background: #0b4fb3; color: #fff; border-radius: 0.375rem; text-decoration: none">${escape(t.retry)}</a></p>
</main>
</body>
</html>
`;
}
