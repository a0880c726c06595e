import { pathWithQuery } from "@/lib/auth-guard";
import { RequestHeader } from "./_components/request-header";

type Search = Promise<Record<string, string | string[] | undefined>>;

// The header of the home page: "Sign in" comes back here, query string included.
export default async function HomeHeader({ searchParams }: { searchParams: Search }) {
  return <RequestHeader here={pathWithQuery([], await searchParams)} />;
}
