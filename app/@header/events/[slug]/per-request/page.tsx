import { pathWithQuery } from "@/lib/auth-guard";
import { RequestHeader } from "../../../_components/request-header";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The per-request event page answers at /events/{slug} (proxy.ts rewrites a POST there to it):
// "Sign in" comes back to that address, not to the rewrite's.
export default async function PerRequestEventHeader({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  return <RequestHeader here={pathWithQuery(["events", slug], search)} />;
}
