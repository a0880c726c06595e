"use client";

import { Button } from "@/components/ui/button";
import { FormError } from "./form-error";
import { useForm, type BoundFormAction } from "./use-form";

/** A form that only confirms a step that cannot be undone (remove a car, cancel a place). */
export function ConfirmForm({
  action: confirm,
  explain,
  button,
}: {
  action: BoundFormAction;
  explain: string;
  button: string;
}) {
  const { action, pending, formError } = useForm(confirm);
  return (
    <form action={action} className="flex flex-col gap-3">
      <p className="text-base">{explain}</p>
      <FormError message={formError} />
      <Button type="submit" variant="danger" disabled={pending}>
        {button}
      </Button>
    </form>
  );
}
