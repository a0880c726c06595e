import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { sharedCopyMetadata, SharedCopy } from "../shared-copy";

// The event page rendered per request: the shared copies' view, in the language of the request.
// proxy.ts rewrites here what the cached copies must not answer: a POST to /events/{slug} (a server
// action such as the language switch, whose answer must follow the cookie it just set) and a path
// that is no slug.
type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  return sharedCopyMetadata(slug, locale);
}

export default async function EventPage({ params }: { params: Params }) {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  return <SharedCopy slug={slug} locale={locale} />;
}
