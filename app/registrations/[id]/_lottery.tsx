import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { choicesOf } from "@/db/registrations/lottery-entries";
import type { Event, Registration } from "@/db/schema";
import { formatSessionTime, formatWhen } from "@/lib/time";

/** A ballot entry on its ticket page: the ranked choices until the draw, then the draw position. */
export async function EntryStatus({
  registration,
  event,
  changeable,
}: {
  registration: Registration;
  event: Event;
  changeable: boolean;
}) {
  const [t, locale, choices] = await Promise.all([
    getTranslations("lottery"),
    getLocale(),
    registration.drawPosition ? [] : choicesOf(registration.id),
  ]);
  if (registration.drawPosition) {
    return (
      <p className="text-base">
        <span className="font-semibold">{t("drawPosition", { position: registration.drawPosition })}</span>
        {" · "}
        <Link href={`/events/${event.slug}/draw`} className="font-semibold text-accent underline underline-offset-4">
          {t("drawLink")}
        </Link>
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <Notice tone="info">{t("awaitingDraw", { closes: formatWhen(event.registrationClosesAt, locale) })}</Notice>
      <h2 className="text-base font-bold">{t("yourChoices")}</h2>
      <ol className="flex flex-col gap-1" aria-label={t("yourChoices")}>
        {choices.map((c) => (
          <li key={c.sessionId} className="text-base">
            <span className="font-semibold">
              {t("choice", { rank: c.rank })}: {c.name}
            </span>{" "}
            <span className="text-sm text-muted tabular-nums">{formatSessionTime(c.startsAt, c.endsAt, locale)}</span>
          </li>
        ))}
      </ol>
      {changeable ? (
        <Link
          href={`/registrations/${registration.id}/choices`}
          className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4"
        >
          {t("changeChoices")}
        </Link>
      ) : null}
    </div>
  );
}
