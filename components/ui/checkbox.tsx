import type { InputHTMLAttributes, ReactNode } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> & {
  children: ReactNode;
  /** A label of several lines starts at the box's line instead of centring on it. */
  multiline?: boolean;
};

/** A box and its label in one row of at least 44 px, the whole row tappable. */
export function Checkbox({ children, multiline = false, className = "h-5 w-5", ...input }: Props) {
  return (
    <label className={`flex min-h-11 gap-3 text-base ${multiline ? "items-start" : "items-center"}`}>
      <input type="checkbox" className={`shrink-0 ${multiline ? "mt-1" : ""} ${className}`} {...input} />
      {children}
    </label>
  );
}
