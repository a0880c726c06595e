import "server-only";
import { env } from "@/env";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/locale";
import { db } from "../client";
import { queueSignIn } from "./queue";

/**
 * Queues the sign-in link's mail (db/mail/account-mail.ts writes it). The link opens our
 * confirmation page rather than Auth.js's callback, so a mail scanner that fetches it neither uses
 * up the token nor signs anyone in. It goes through the queue like every mail, first in line:
 * graphile-worker hears of the job at once (LISTEN/NOTIFY), and an SMTP hiccup is retried while
 * the link lives instead of failing the person's request.
 */
export async function sendSignInLink(input: { to: string; authUrl: string; request: Request }) {
  const cookie = input.request.headers.get("cookie") ?? "";
  const localeCookie = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`))?.[1];
  const locale = resolveLocale(localeCookie, input.request.headers.get("accept-language"));
  const params = new URL(input.authUrl).searchParams;
  // Auth.js hands over an absolute callbackUrl; the confirmation page accepts only a path on this site.
  const callback = params.get("callbackUrl");
  if (callback) {
    const target = new URL(callback, env().appUrl);
    params.set(
      "callbackUrl",
      target.origin === new URL(env().appUrl).origin ? `${target.pathname}${target.search}${target.hash}` : "/",
    );
  }
  await queueSignIn(db(), input.to, `${env().appUrl}/signin/confirm?${params}`, locale);
}
