import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Shell = { name: string; label: string; error?: string; hint?: string; id?: string; className?: string };

const control = (error?: string) =>
  `min-h-12 w-full rounded-lg border bg-white px-3 text-base text-ink shadow-sm placeholder:text-slate-400 ${error ? "border-danger" : "border-line"}`;

/** A field's error, kept in the page while empty so that a new one is announced when it appears. */
export function FieldError({ id, error }: { id?: string; error?: string }) {
  return (
    <p id={id} aria-live="polite" className="text-sm font-medium text-danger empty:hidden">
      {error ?? ""}
    </p>
  );
}

/** Label, control, hint and an error that sits beside it and is announced. */
function FieldShell({
  name,
  label,
  error,
  hint,
  id = `field-${name}`,
  className = "",
  children,
}: Shell & { children: (aria: Record<string, unknown>) => ReactNode }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-sm font-semibold text-ink">
        {label}
      </label>
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

type FieldProps = Shell & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

export function Field({ name, label, error, hint, id, className, ...input }: FieldProps) {
  return (
    <FieldShell {...{ name, label, error, hint, id, className }}>
      {(aria) => <input {...aria} className={control(error)} {...input} />}
    </FieldShell>
  );
}

type SelectProps = Shell & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">;

export function SelectField({ name, label, error, hint, id, className, children, ...select }: SelectProps) {
  return (
    <FieldShell {...{ name, label, error, hint, id, className }}>
      {(aria) => (
        <select {...aria} className={control(error)} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

type TextAreaProps = Shell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function TextAreaField({ name, label, error, hint, id, className, rows = 3, ...area }: TextAreaProps) {
  return (
    <FieldShell {...{ name, label, error, hint, id, className }}>
      {(aria) => <textarea {...aria} rows={rows} className={`${control(error)} py-2`} {...area} />}
    </FieldShell>
  );
}
