"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { consumeAll } from "@/db/rate-limit";
import { rateLimitedKey } from "@/lib/rate-limits";
import type { FormResult } from "@/lib/form-result";
import { signInSchema } from "@/lib/schemas/sign-in";
import { formArg } from "../action";
import { translatedFieldErrors, translateKeys } from "../form-errors";
import { requestAddress } from "../route-guards";

export async function requestSignInLinkAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const parsed = signInSchema.safeParse({ email: form.get("email"), callbackUrl: form.get("callbackUrl") });
  if (!parsed.success) {
    return { ok: false, fieldErrors: await translatedFieldErrors(parsed.error.issues), values: { email: String(form.get("email") ?? "") } };
  }
  // Per address and per network address: nobody can use Ringmeet to flood an inbox.
  const limited = await consumeAll([["signInPerAddress", parsed.data.email], ["signInPerIp", await requestAddress()]]);
  if (!limited.ok) return { ok: false, fieldErrors: await translateKeys({ email: rateLimitedKey(limited.retryAfter) }), values: { email: parsed.data.email } };
  await signIn("nodemailer", { email: parsed.data.email, redirectTo: parsed.data.callbackUrl, redirect: false });
  redirect(`/signin/check-email?${new URLSearchParams({ email: parsed.data.email })}`);
}
