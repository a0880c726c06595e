"use server";

import { cookies } from "next/headers";
import { signOut } from "@/auth";
import { isLocale, LOCALE_COOKIE } from "@/lib/locale";
import { postAction } from "./action";

export const signOutAction = postAction({ bound: [], signIn: () => "/", who: "anyone" }, async () => {
  await signOut({ redirectTo: "/" });
});

export const setLocaleAction = postAction({ bound: [], signIn: () => "/", who: "anyone" }, async ({ form }) => {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
});
