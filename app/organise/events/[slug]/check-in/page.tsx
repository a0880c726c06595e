import { dehydrate, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/session";
import { getCheckInCopy, getCheckInLive, getGateEvent } from "@/db/check-in/reads";
import type { Refusal } from "@/lib/check-in/answer";
import { checkInFormAction } from "./actions";
import { CheckInApp, type Flash } from "./_components/check-in-app";
import { checkInKeys, checkInPath, LIVE_POLL_MS, sinceFor } from "./_components/check-in-queries";
import { LiveQueryProvider } from "@/components/live-query-provider";
import { isUuid } from "@/lib/uuid";
import { withoutContacts } from "@/lib/check-in/expiry";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata() {
  return { title: (await getTranslations("checkIn"))("title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
const refusals: Refusal[] = ["notRegistered", "cancelled", "waitingOnly"];

/** The answer the no-script "Check in" form redirected back with (see actions.ts). */
function flashOf(search: SearchParams): Flash {
  const registrationId = one(search.r);
  if (!isUuid(registrationId)) return null;
  const refused =
    refusals.find((r) => r === one(search.refused)) ?? (one(search.refused) === "checklist" ? "notRegistered" : null);
  return { registrationId, done: one(search.done) === "1", refused };
}

export default async function CheckInPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const q = one(search.q).slice(0, 100);
  const user = await requireUser(q ? `${checkInPath(slug)}?q=${encodeURIComponent(q)}` : checkInPath(slug));
  const event = await getGateEvent(user.id, slug);
  if (!event) notFound();
  const [copy, t] = await Promise.all([getCheckInCopy(event), getTranslations("checkIn")]);
  const since = sinceFor(copy);
  const queryClient = new QueryClient();
  // The HTML carries the list without emergency contacts (the service worker keeps this page for
  // offline use, where nothing would expire them), marked as stale so the phone fetches them at once.
  queryClient.setQueryData(checkInKeys.copy(slug), withoutContacts(copy), { updatedAt: 0 });
  queryClient.setQueryData(checkInKeys.live(slug, since), await getCheckInLive(event, new Date(since)));
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("heading", { event: event.name })}</h1>
      <LiveQueryProvider state={dehydrate(queryClient)} pollMs={LIVE_POLL_MS}>
        <CheckInApp slug={slug} initialQuery={q} flash={flashOf(search)} action={checkInFormAction.bind(null, slug)} />
      </LiveQueryProvider>
    </div>
  );
}
