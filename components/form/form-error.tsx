import { Notice } from "@/components/ui/notice";

/** A refusal of the form as a whole, above its fields, announced as it appears. */
export function FormError({ message }: { message?: string }) {
  return message ? (
    <Notice tone="danger" role="alert">
      {message}
    </Notice>
  ) : null;
}
