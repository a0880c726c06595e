import { pathWithQuery } from "@/lib/auth-guard";
import { RequestHeader } from "../_components/request-header";

type Props = {
  params: Promise<{ rest: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Matching every path keeps the slot in step on client-side navigation (a slot with no match
// would keep showing the header of the page before), and tells "Sign in" where it was pressed.
export default async function PageHeader({ params, searchParams }: Props) {
  const [{ rest }, search] = await Promise.all([params, searchParams]);
  return <RequestHeader here={pathWithQuery(rest, search)} />;
}
