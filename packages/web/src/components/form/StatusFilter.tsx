import { Field } from './Field';

interface StatusFilterProps<Status extends string> {
  id: string;
  label: string;
  /** the first choice: no filter */
  allLabel: string;
  statuses: readonly Status[];
  /** null: every status */
  value: Status | null;
  labelOf: (status: Status) => string;
  onChange: (status: Status | null) => void;
}

/** A list's status filter: "All statuses" or one of them (the delivery log, the transfers). */
export function StatusFilter<Status extends string>({
  id,
  label,
  allLabel,
  statuses,
  value,
  labelOf,
  onChange,
}: StatusFilterProps<Status>) {
  return (
    <Field id={id} name="status" label={label} showRequirement={false}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={value ?? ''}
          onChange={(event) =>
            onChange(statuses.find((status) => status === event.target.value) ?? null)
          }
        >
          <option value="">{allLabel}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {labelOf(status)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
