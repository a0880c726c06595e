import { SelectField } from "@/components/ui/field";
import { formatSessionTime } from "@/lib/time";

export type ChoiceOption = { id: string; name: string; startsAt: string; endsAt: string };
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
  locale,
}: {
  sessions: ChoiceOption[];
  count: number;
  values: Record<string, string>;
  errors: Record<string, string>;
  text: ChoiceText;
  /** The reader's language, for the sessions' times. */
  locale: string;
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
              {s.name} · {formatSessionTime(new Date(s.startsAt), new Date(s.endsAt), locale)}
            </option>
          ))}
        </SelectField>
      ))}
    </fieldset>
  );
}
