"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signWaiver } from "@/db/paperwork/waivers";
import { refuse } from "@/db/result";
import { idArg } from "@/lib/schemas/bound";
import { waiverSignFields, waiverSignSchema } from "@/lib/schemas/waiver";
import { formAction } from "../../../action";
import { requestAddress } from "../../../route-guards";

const page = (id: string) => `/registrations/${id}/waiver`;

/** The driver signs; the record keeps the address and the browser it came from (db/paperwork/waivers.ts). */
export const signWaiverAction = formAction(
  {
    bound: [idArg],
    signIn: page,
    schema: waiverSignSchema,
    fields: waiverSignFields,
    // A refused form shows the typed name again; the drawing is drawn again (it is up to 300 KB).
    echo: (input) => ({ fullName: String(input.fullName ?? "") }),
  },
  async ({ user, bound: [id] }, { fullName, signature, versionId, language }) => {
    const meta = { ipAddress: await requestAddress(), userAgent: (await headers()).get("user-agent") };
    const result = await signWaiver(user.id, id, { fullName, signature, versionId, language }, meta);
    if (!result) return refuse("errors.registrationNotChangeable");
    if (!result.ok) return result;
    redirect(`/registrations/${id}?saved=waiver`);
  },
);
