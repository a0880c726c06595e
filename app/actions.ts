"use server";

import { cookies } from "next/headers";
import { signOut } from "@/auth";
import { isLocale, LOCALE_COOKIE } from "@/lib/locale";
import { formArg } from "./action";

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

export async function setLocaleAction(formData: FormData) {
  const form = formArg(formData);
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
}
