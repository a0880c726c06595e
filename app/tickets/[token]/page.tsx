import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getTicketHolder } from "@/db/registrations/reads";
import { env } from "@/env";
import { readTicketToken } from "@/lib/ticket";
import { ticketQrDataUrl } from "@/lib/ticket-qr";
import { formatSessionTime } from "@/lib/time";

export const metadata = { robots: { index: false } };

/** A printable ticket for whoever holds the signed token (the second driver's copy). No personal data. */
export default async function TicketPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const claims = readTicketToken(env().authSecret, decodeURIComponent(token), new Date());
  const holder = claims ? await getTicketHolder(claims.registrationId, claims.eventId) : null;
  if (!claims || !holder) notFound();
  const [t, locale] = await Promise.all([getTranslations("registration"), getLocale()]);
  const confirmed = holder.places.filter((p) => p.status === "confirmed");
  // No confirmed place yet (only waiting lists): the gate would turn the car away, so no QR code.
  const qr = confirmed.length ? await ticketQrDataUrl(decodeURIComponent(token)) : null;
  return (
    <div className="mx-auto max-w-md">
      <Card className="flex flex-col items-center gap-3 text-center">
        <h1 className="text-2xl font-extrabold">{holder.eventName}</h1>
        {holder.plaque ? <p className="text-xl font-bold">{t("plaque", { number: holder.plaque })}</p> : null}
        {qr ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server
          <img src={qr} alt={t("qrAlt")} width={280} height={280} className="h-72 w-72" />
        ) : (
          <p className="text-base font-semibold">{t("waitingOnlyTitle")}</p>
        )}
        <ul className="w-full text-left">
          {confirmed.map((p) => (
            <li key={p.sessionId} className="border-t border-line py-2 text-base">
              {p.name} · {formatSessionTime(p.startsAt, p.endsAt, locale)}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
