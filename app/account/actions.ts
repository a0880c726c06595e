"use server";

import { refresh, revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { deleteAccount, updateProfile } from "@/db/account";
import { deletePasskey } from "@/db/passkeys";
import { LOCALE_COOKIE } from "@/lib/locale";
import { profileFields, profileSchema } from "@/lib/schemas/profile";
import { safeCallbackPath } from "@/lib/schemas/sign-in";
import { formAction, postAction } from "../action";

const account = () => "/account";

export const saveProfileAction = formAction<[], typeof profileSchema, { saved?: boolean }>(
  { bound: [], signIn: account, schema: profileSchema, fields: profileFields },
  async ({ user, form }, profile) => {
    await updateProfile(user.id, profile);
    (await cookies()).set(LOCALE_COOKIE, profile.locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
    // The language may have changed: this browser's pages refresh; shared caches are per language already.
    refresh();
    if (form.get("returnTo")) redirect(safeCallbackPath(form.get("returnTo"), "/account"));
    return { ok: true, saved: true };
  },
);

export const removePasskeyAction = postAction({ bound: [], signIn: account }, async ({ user, form }) => {
  await deletePasskey(user.id, String(form.get("credentialId") ?? ""));
  revalidatePath("/account");
});

export const deleteAccountAction = postAction({ bound: [], signIn: account }, async ({ user }) => {
  // Refused while the person is a club's only admin: the page says so and why (it asks the same).
  if (!(await deleteAccount(user.id)).ok) redirect("/account?delete=1");
  // The session rows went with the user; drop the now useless cookies too.
  const jar = await cookies();
  for (const c of jar.getAll()) if (c.name.includes("authjs.session-token")) jar.delete(c.name);
  redirect("/?deleted=1");
});
