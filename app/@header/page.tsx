import { SiteHeader } from "@/components/site-header";
import { pathWithQuery } from "@/lib/auth-guard";

type Search = Promise<Record<string, string | string[] | undefined>>;

// The header of the home page: "Sign in" comes back here, query string included.
export default async function HomeHeader({ searchParams }: { searchParams: Search }) {
  return <SiteHeader here={pathWithQuery([], await searchParams)} />;
}
