import type { Messages } from "./messages";

type Namespace = keyof Messages;

/**
 * Which message namespaces the browser needs, per area of the app. Every page's HTML carries the
 * messages its client components may use; sending the whole catalogue (≈ 29 KB) with every page
 * would cost phones on a weak signal for nothing. Keyed by the route folder under app/ whose
 * layout provides them (components/client-messages.tsx); i18n/client-namespaces.test.ts checks
 * that every client component's useTranslations namespace is provided where it lives. Pages
 * outside these areas (home, events, the public event page) load no next-intl in the browser at
 * all: their few live words come as props.
 */
export const CLIENT_NAMESPACES = {
  "/account": ["account", "paperwork"],
  "/events/[slug]/register": ["registration", "lottery", "paperwork"],
  "/garage": ["carForm"],
  "/organise": ["organise", "roster", "checkIn", "grid", "broadcast", "paperwork", "fees", "payments"],
  "/registrations": ["registration", "lottery", "paperwork", "payments"],
  "/signin": ["signin"],
  "/transfers": ["payments"],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientArea = keyof typeof CLIENT_NAMESPACES;

export function pickMessages(messages: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]]));
}
