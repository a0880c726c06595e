import type { Metadata } from "next";
import { sharedCopyMetadata, SharedCopy } from "./shared-copy";

// The cached public event page in English, served at its own address: a visitor whose language is
// English (or unknown) reaches it with no rewrite at all, which Next serves fastest
// (docs/PERFORMANCE.md). German visitors are rewritten to in/de; a form's POST to this address is
// rewritten by proxy.ts to per-request/, which follows the cookie an action just set.
export const dynamic = "force-static";
export const revalidate = 3600;

// Nothing is built ahead: each event is rendered on its first request, then cached.
export async function generateStaticParams() {
  return [];
}

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  return sharedCopyMetadata(slug, "en");
}

export default async function EnglishEventPage({ params }: { params: Params }) {
  const { slug } = await params;
  return <SharedCopy slug={slug} locale="en" />;
}
