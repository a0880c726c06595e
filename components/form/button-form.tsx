"use client";

import { FormError } from "./form-error";
import { useForm, type BoundFormAction } from "./use-form";
import { Button } from "@/components/ui/button";

/** A form that is one button ("Pay by card", "Record refunds as sent"), with what it does and any refusal above it. */
export function ButtonForm({
  action: buttonAction,
  button,
  hint,
}: {
  action: BoundFormAction;
  button: string;
  hint?: string;
}) {
  const { action, pending, formError } = useForm(buttonAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormError message={formError} />
      {hint ? <p className="text-base text-muted">{hint}</p> : null}
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {button}
      </Button>
    </form>
  );
}
