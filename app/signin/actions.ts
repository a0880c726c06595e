"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import type { FormResult } from "@/lib/form-result";
import { signInSchema } from "@/lib/schemas/sign-in";
import { translatedFieldErrors } from "../form-errors";

export async function requestSignInLinkAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), callbackUrl: formData.get("callbackUrl") });
  if (!parsed.success) {
    return { ok: false, fieldErrors: await translatedFieldErrors(parsed.error.issues), values: { email: String(formData.get("email") ?? "") } };
  }
  await signIn("nodemailer", { email: parsed.data.email, redirectTo: parsed.data.callbackUrl, redirect: false });
  redirect(`/signin/check-email?${new URLSearchParams({ email: parsed.data.email })}`);
}
