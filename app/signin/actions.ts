"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { consumeAll } from "@/db/rate-limit";
import { refuse } from "@/db/result";
import { rateLimitedKey } from "@/lib/rate-limits";
import { signInSchema } from "@/lib/schemas/sign-in";
import { formAction } from "../action";
import { requestAddress } from "../route-guards";

export const requestSignInLinkAction = formAction(
  {
    bound: [],
    signIn: () => "/signin",
    who: "anyone",
    schema: signInSchema,
    fields: ["email", "callbackUrl"],
    echo: (input) => ({ email: typeof input.email === "string" ? input.email : "" }),
  },
  async (_ctx, { email, callbackUrl }) => {
    // Per address and per network address: nobody can use Ringmeet to flood an inbox.
    const limited = await consumeAll([
      ["signInPerAddress", email],
      ["signInPerIp", await requestAddress()],
    ]);
    if (!limited.ok) return refuse(rateLimitedKey(limited.retryAfter), "email");
    await signIn("nodemailer", { email, redirectTo: callbackUrl, redirect: false });
    redirect(`/signin/check-email?${new URLSearchParams({ email })}`);
  },
);
