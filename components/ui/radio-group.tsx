import { FieldError } from "./field";

type Option = { value: string; label: string };

/** One choice among a few, every option visible (a select hides them on a phone); 44 px rows. */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  error,
  strong = true,
  noneChecked = false,
}: {
  name: string;
  legend: string;
  options: Option[];
  defaultValue?: string;
  error?: string;
  strong?: boolean;
  /** Nothing ticked until chosen (a question), instead of the first option (a setting). */
  noneChecked?: boolean;
  id?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? errorId : undefined}>
      <legend className={`mb-1 text-base ${strong ? "font-bold" : "font-semibold"}`}>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex min-h-11 items-center gap-3 text-base">
          <input
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={(defaultValue || (noneChecked ? undefined : options[0]?.value)) === o.value}
            className="h-5 w-5"
          />
          {o.label}
        </label>
      ))}
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
