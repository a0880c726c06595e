"use server";

import { refresh, revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { deleteAccount, updateProfile } from "@/db/account";
import { deletePasskey } from "@/db/passkeys";
import { signInPath } from "@/lib/auth-guard";
import type { FormResult } from "@/lib/form-result";
import { LOCALE_COOKIE } from "@/lib/locale";
import { profileFields, profileSchema } from "@/lib/schemas/profile";
import { safeCallbackPath } from "@/lib/schemas/sign-in";
import { formArg, runFormAction } from "../action";
import { currentUser } from "../session";

export async function saveProfileAction(_prev: FormResult<{ saved?: boolean }>, formData: FormData): Promise<FormResult<{ saved?: boolean }>> {
  const form = formArg(formData);
  const returnTo = form.get("returnTo") ? safeCallbackPath(form.get("returnTo"), "/account") : null;
  const result = await runFormAction(form, { schema: profileSchema, fields: profileFields, returnTo: "/account" }, async (user, profile) => {
    await updateProfile(user.id, profile);
    (await cookies()).set(LOCALE_COOKIE, profile.locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
    return { ok: true, saved: true };
  });
  // The language may have changed: this browser's pages refresh; shared caches are per language already.
  if (result.ok) refresh();
  if (result.ok && returnTo) redirect(returnTo);
  return result;
}

export async function removePasskeyAction(formData: FormData) {
  const form = formArg(formData);
  const user = await currentUser();
  if (!user) redirect(signInPath("/account"));
  await deletePasskey(user.id, String(form.get("credentialId") ?? ""));
  revalidatePath("/account");
}

export async function deleteAccountAction() {
  const user = await currentUser();
  if (!user) redirect(signInPath("/account"));
  // Refused while the person is a club's only admin: the page says so and why (it asks the same).
  if (!(await deleteAccount(user.id)).ok) redirect("/account?delete=1");
  // The session rows went with the user; drop the now useless cookies too.
  const jar = await cookies();
  for (const c of jar.getAll()) if (c.name.includes("authjs.session-token")) jar.delete(c.name);
  redirect("/?deleted=1");
}
