"use client";

import { FormError } from "@/components/form/form-error";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FieldError } from "@/components/ui/field";
import { LIMITS } from "@/lib/schemas/limits";
import { SignatureField } from "./signature-field";
import type { WaiverFormText } from "./waiver-form-text";

type Props = {
  action: BoundFormAction;
  versionId: string;
  language: "en" | "de";
  name: string;
  /** Its words, from the page's "paperwork" messages (waiverFormText). */
  text: WaiverFormText;
};

/** The waiver's signing form, for the owner (/registrations/{id}/waiver) and the second driver (/waiver/{token}). */
export function WaiverForm({ action: sign, versionId, language, name, text }: Props) {
  const { action, pending, fieldErrors, field, formError } = useForm(sign, { initialValues: { fullName: name } });
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormError message={formError ?? fieldErrors.versionId ?? fieldErrors.language} />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="language" value={language} />
      <Field {...field("fullName")} label={text.fullName} autoComplete="name" maxLength={LIMITS.fullName} required />
      <SignatureField error={fieldErrors.signature} text={text} />
      <div className="flex flex-col gap-1">
        <Checkbox
          name="accept"
          aria-invalid={fieldErrors.accept ? true : undefined}
          aria-describedby="accept-error"
          multiline
        >
          <span className="font-semibold">{text.accept}</span>
        </Checkbox>
        <FieldError id="accept-error" error={fieldErrors.accept} />
      </div>
      <Button type="submit" disabled={pending}>
        {text.sign}
      </Button>
    </form>
  );
}
