import { notFound } from "next/navigation";
import { PublicSiteHeader } from "@/components/site-header";
import { isLocale } from "@/lib/locale";

// The header of the cached event page: rendered once per language, like the page itself.
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

export default async function CachedEventHeader({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <PublicSiteHeader locale={locale} />;
}
