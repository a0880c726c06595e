import { SelectField } from "@/components/ui/field";

/** A session to rank, its time already in the reader's language (lib/time.ts formatSessionTime). */
export type ChoiceOption = { id: string; name: string; time: string };
/** Its words, from the form that shows it (shared components translate nothing themselves). */
export type ChoiceText = { legend: string; hint: string; notChosen: string; choice: (rank: number) => string };

/**
 * A ballot entry's ranked choices, one select per rank (choice1, choice2 …): usable on a phone and
 * without JavaScript. Shown when entering the ballot and when changing an entry's choices.
 */
export function ChoiceSelects({
  sessions,
  count,
  values,
  errors,
  text,
}: {
  sessions: ChoiceOption[];
  count: number;
  values: Record<string, string>;
  errors: Record<string, string>;
  text: ChoiceText;
}) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-base font-bold">{text.legend}</legend>
      <p className="text-sm text-muted">{text.hint}</p>
      {Array.from({ length: count }, (_, i) => `choice${i + 1}`).map((field, i) => (
        <SelectField
          key={field}
          name={field}
          label={text.choice(i + 1)}
          defaultValue={values[field] ?? ""}
          error={errors[field]}
        >
          <option value="">{text.notChosen}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} · {s.time}
            </option>
          ))}
        </SelectField>
      ))}
    </fieldset>
  );
}
