import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { openOffersOf } from "@/db/registrations/offers";
import { formatWhen } from "@/lib/time";
import { acceptOfferAction, declineOfferAction } from "./actions";
import { OfferAnswer } from "./_offer-forms";

/** Each place offered to this waiting car: until when, and the two answers. */
export async function OffersRegion({ registrationId, slug }: { registrationId: string; slug: string }) {
  const offers = await openOffersOf(registrationId);
  if (offers.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("payments"), getLocale()]);
  const ref = { id: registrationId, slug };
  return (
    <>
      {offers.map((o) => (
        <Notice key={o.id} tone="warning" role="status">
          <span className="block text-lg font-bold">{t("offerTitle", { session: o.session })}</span>
          <span className="mb-2 block">
            {t("offerUntil")} {formatWhen(o.expiresAt, locale)}
          </span>
          <OfferAnswer
            accept={acceptOfferAction.bind(null, ref, o.id)}
            decline={declineOfferAction.bind(null, ref, o.id)}
          />
        </Notice>
      ))}
    </>
  );
}
