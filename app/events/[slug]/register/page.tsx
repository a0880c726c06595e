import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getProfile } from "@/db/account";
import { getPublicEvent } from "@/db/events";
import { getRegisterPage } from "@/db/registrations/reads";
import { carModelName } from "@/components/car-card";
import { eventPhase } from "@/lib/event-phase";
import { placesLeft } from "@/lib/programme";
import { formatSessionTime, formatWhen } from "@/lib/time";
import { requireUser } from "../../../session";
import { maxChoices } from "@/lib/lottery/types";
import { enterLotteryAction, registerAction } from "./actions";
import { EntryForm } from "./entry-form";
import { RegisterForm } from "./register-form";

export default async function RegisterPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const here = `/events/${slug}/register`;
  const user = await requireUser(here);
  const profile = await getProfile(user.id);
  if (!profile?.fullName) redirect(`/account?returnTo=${encodeURIComponent(here)}`);
  const [data, live, t, locale] = await Promise.all([
    getRegisterPage(user.id, slug),
    getPublicEvent(slug),
    getTranslations("registration"),
    getLocale(),
  ]);
  const tl = await getTranslations("lottery");
  if (!data || !live) notFound();
  const { event } = data;
  const phase = eventPhase(event, new Date());
  const eligible = data.cars.filter(
    (c) =>
      !data.registeredCarIds.includes(c.id) &&
      (!event.eligibleModels?.length || event.eligibleModels.includes(c.model)),
  );
  const sessions = live.sessions.map((s) => ({
    id: s.id,
    name: s.name,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    // Formatted here, not in the browser: its Intl may spell a month otherwise than the server's.
    time: formatSessionTime(s.startsAt, s.endsAt, locale),
    placesLeft: placesLeft(s),
    noiseLimitDb: s.noiseLimitDb,
  }));
  // What both forms (first come first served, and the ballot entry) are given.
  const form = {
    slug,
    eventId: event.id,
    idempotencyKey: randomUUID(),
    rulesText: event.rulesText,
    sessions,
    cars: eligible.map((c) => ({
      id: c.id,
      label: `${c.nickname || carModelName(c)} · ${c.plate}`,
      noiseDb: c.noiseDb,
    })),
    questions: data.questions,
    noiseLimitDb: data.noiseLimitDb,
  };
  const closedText =
    phase === "upcoming" ? t("notOpenYet", { when: formatWhen(event.registrationOpensAt, locale) }) : t("closed");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader title={t("title", { event: event.name })} />
      {phase !== "open" ? (
        <Notice tone="warning" role="status">
          {closedText}
        </Notice>
      ) : null}
      {phase === "open" && event.allocation === "lottery" ? (
        <Notice tone="info">{tl("ballot", { closes: formatWhen(event.registrationClosesAt, locale) })}</Notice>
      ) : null}
      {phase === "open" && eligible.length === 0 ? (
        <Card className="flex flex-col gap-3">
          <p className="text-base">{data.cars.length === 0 ? t("noCars") : t("noEligibleCars")}</p>
          <Link href={`/garage/new?returnTo=${here}`} className={buttonClass("primary", "self-start")}>
            {t("addCar")}
          </Link>
        </Card>
      ) : null}
      {phase === "open" && event.allocation === "lottery" && eligible.length > 0 ? (
        <Card>
          <EntryForm
            {...form}
            action={enterLotteryAction.bind(null, slug)}
            count={Math.min(maxChoices(event.maxSessionsPerCar), sessions.length)}
          />
        </Card>
      ) : null}
      {phase === "open" && event.allocation === "fcfs" && eligible.length > 0 ? (
        <Card>
          <RegisterForm {...form} action={registerAction.bind(null, slug)} />
        </Card>
      ) : null}
    </div>
  );
}
