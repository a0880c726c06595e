import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPublicEvent } from "@/db/events";
import { choicesOf } from "@/db/registrations/lottery-entries";
import { getMyRegistration } from "@/db/registrations/reads";
import { eventPhase } from "@/lib/event-phase";
import { maxChoices } from "@/lib/lottery/types";
import { formatSessionTime } from "@/lib/time";
import { requireUser } from "../../../session";
import { changeEntryAction } from "../actions";
import { ChoicesForm } from "./choices-form";

/** Re-ranking a ballot entry while registration is open. */
export default async function ChoicesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/registrations/${id}/choices`);
  const ticket = await getMyRegistration(user.id, id);
  if (
    !ticket ||
    ticket.registration.status !== "active" ||
    ticket.event.allocation !== "lottery" ||
    eventPhase(ticket.event, new Date()) !== "open"
  )
    notFound();
  const [live, choices, t, locale] = await Promise.all([
    getPublicEvent(ticket.event.slug),
    choicesOf(id),
    getTranslations("lottery"),
    getLocale(),
  ]);
  if (!live) notFound();
  const current = Object.fromEntries(choices.map((c) => [`choice${c.rank}`, c.sessionId]));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t("changeChoices")} />
      <Card>
        <ChoicesForm
          action={changeEntryAction.bind(null, { id, slug: ticket.event.slug })}
          current={current}
          count={Math.min(maxChoices(ticket.event.maxSessionsPerCar), live.sessions.length)}
          sessions={live.sessions.map((s) => ({
            id: s.id,
            name: s.name,
            time: formatSessionTime(s.startsAt, s.endsAt, locale),
          }))}
        />
      </Card>
    </div>
  );
}
