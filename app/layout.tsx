import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleHtml } from "@/components/locale-html";
import "./globals.css";

// Bundled with the app (the build runs offline): Inter from @fontsource-variable/inter.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: "Ringmeet", template: "%s · Ringmeet" }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b4fb3" };

// `header` is the @header slot: the per-request SiteHeader everywhere, except on pages cached
// for everybody (app/@header/events/[slug]), which get one that reads no cookie.
export default async function RootLayout({ children, header }: { children: ReactNode; header: ReactNode }) {
  const locale = await getLocale();
  return (
    <LocaleHtml fallbackLocale={locale} className={inter.variable}>
      <body className="min-h-dvh font-sans">
        {header}
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
      </body>
    </LocaleHtml>
  );
}
