import { buttonClass } from "./button";
import { Field } from "./field";

/**
 * A GET form's search box and its button, side by side from a tablet up: the `q` a list reads
 * from its address (the roster, /events). A plain text box, so it works before JavaScript loads.
 */
export function SearchRow({
  id,
  label,
  hint,
  q,
  button,
}: {
  id: string;
  label: string;
  hint: string;
  q: string;
  button: string;
}) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Field
        name="q"
        id={id}
        type="text"
        enterKeyHint="search"
        label={label}
        hint={hint}
        defaultValue={q}
        className="flex-1"
        autoComplete="off"
      />
      <button type="submit" className={buttonClass("primary", "sm:mb-7")}>
        {button}
      </button>
    </div>
  );
}
