import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/locale";
import deCore from "@/messages/de/core.json";
import enCore from "@/messages/en/core.json";
import deOrganise from "@/messages/de/organise.json";
import enOrganise from "@/messages/en/organise.json";
import deRegistration from "@/messages/de/registration.json";
import enRegistration from "@/messages/en/registration.json";
import deEventPage from "@/messages/de/event-page.json";
import enEventPage from "@/messages/en/event-page.json";
import deRoster from "@/messages/de/roster.json";
import enRoster from "@/messages/en/roster.json";
import deLottery from "@/messages/de/lottery.json";
import enLottery from "@/messages/en/lottery.json";
import deGrid from "@/messages/de/grid.json";
import enGrid from "@/messages/en/grid.json";
import deBroadcast from "@/messages/de/broadcast.json";
import enBroadcast from "@/messages/en/broadcast.json";
import dePlaques from "@/messages/de/plaques.json";
import enPlaques from "@/messages/en/plaques.json";
import deChecklist from "@/messages/de/checklist.json";
import enChecklist from "@/messages/en/checklist.json";
import deCheckIn from "@/messages/de/check-in.json";
import enCheckIn from "@/messages/en/check-in.json";
import deErrorPage from "@/messages/de/error-page.json";
import enErrorPage from "@/messages/en/error-page.json";
import deMail from "@/messages/de/mail.json";
import enMail from "@/messages/en/mail.json";
import dePaperwork from "@/messages/de/paperwork.json";
import enPaperwork from "@/messages/en/paperwork.json";
import deFees from "@/messages/de/fees.json";
import enFees from "@/messages/en/fees.json";
import dePayments from "@/messages/de/payments.json";
import enPayments from "@/messages/en/payments.json";

// One file per area of the app, so features can add strings without touching each other's files.
// Each area's namespaces must be distinct at the top level.
export const en = {
  ...enCore,
  ...enOrganise,
  ...enRegistration,
  ...enEventPage,
  ...enLottery,
  ...enGrid,
  ...enBroadcast,
  ...enPlaques,
  ...enChecklist,
  ...enRoster,
  ...enCheckIn,
  ...enErrorPage,
  ...enMail,
  ...enPaperwork,
  ...enFees,
  ...enPayments,
};
const de: typeof en = {
  ...deCore,
  ...deOrganise,
  ...deRegistration,
  ...deEventPage,
  ...deLottery,
  ...deGrid,
  ...deBroadcast,
  ...dePlaques,
  ...deChecklist,
  ...deRoster,
  ...deCheckIn,
  ...deErrorPage,
  ...deMail,
  ...dePaperwork,
  ...deFees,
  ...dePayments,
};

export type Messages = typeof en;
const catalogues: Record<Locale, Messages> = { en, de };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** A translator for code outside a React render (e-mails, route handlers). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale) });
}
