"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signAsSecondDriver } from "@/db/paperwork/second-driver";
import { refuse } from "@/db/result";
import { tokenArg } from "@/lib/schemas/bound";
import { waiverSignFields, waiverSignSchema } from "@/lib/schemas/waiver";
import { formAction } from "../../action";
import { requestAddress } from "../../route-guards";

/** A second driver signs through the e-mailed link, without an account; the link is spent by it. */
export const signAsSecondDriverAction = formAction(
  {
    bound: [tokenArg],
    who: "anyone",
    signIn: (token) => `/waiver/${token}`,
    schema: waiverSignSchema,
    fields: waiverSignFields,
    echo: (input) => ({ fullName: String(input.fullName ?? "") }),
  },
  async ({ bound: [token] }, { fullName, signature, versionId, language }) => {
    const meta = { ipAddress: await requestAddress(), userAgent: (await headers()).get("user-agent") };
    const result = await signAsSecondDriver(token, { fullName, signature, versionId, language }, meta);
    if (!result) return refuse("errors.waiverLinkUsed");
    if (!result.ok) return result;
    redirect(`/waiver/${token}?signed=1`);
  },
);
