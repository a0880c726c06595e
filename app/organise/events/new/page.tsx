import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listMyClubs } from "@/db/clubs";
import { newEventFormValues } from "@/lib/event-form-values";
import { can } from "@/lib/roles";
import { requireUser } from "../../../session";
import { saveEventAction } from "../actions";
import { EventForm } from "../_components/event-form";

export default async function NewEventPage({ searchParams }: { searchParams: Promise<{ club?: string }> }) {
  const { club } = await searchParams;
  const user = await requireUser("/organise/events/new");
  const clubs = (await listMyClubs(user.id)).filter((c) => can(c.role, "createEvent"));
  if (clubs.length === 0) notFound();
  const t = await getTranslations("organise");
  const chosen = clubs.find((c) => c.slug === club) ?? clubs[0]!;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("newEvent")} />
      <Card>
        <EventForm
          action={saveEventAction.bind(null, null)}
          clubs={clubs.map((c) => ({ id: c.id, name: c.name }))}
          initial={{ ...newEventFormValues(), clubId: chosen.id }}
          rows={1}
          registeredBySession={{}}
          draft
        />
      </Card>
    </div>
  );
}
