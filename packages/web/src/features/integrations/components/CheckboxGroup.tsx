import type { ReactNode } from 'react';
import { FieldHelp, RequiredMark } from '../../../components/form';

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

interface CheckboxGroupProps {
  /** each checkbox's id is `<id>-<value>` */
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** the options, in groups with a name of their own when there is more than one */
  groups: readonly { label?: string | undefined; options: readonly CheckboxOption[] }[];
  selected: readonly string[];
  onToggle(value: string, checked: boolean): void;
}

/** The id of a group's checkbox: where focus goes when the group has a problem. */
export function checkboxId(groupId: string, value: string): string {
  return `${groupId}-${value}`;
}

/**
 * "Choose at least one" as a fieldset: its legend names it, its error sits under the legend and
 * every checkbox points at it, so a screen reader reads the problem on each.
 */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  groups,
  selected,
  onToggle,
}: CheckboxGroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={error ? 'fieldset checkbox-group has-error' : 'fieldset checkbox-group'}>
      <legend className="field-label">
        {legend}
        <RequiredMark required />
      </legend>
      <FieldHelp hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {groups.map((group, index) => {
        const groupLabelId = `${id}-group-${index}`;
        return (
          <div
            key={groupLabelId}
            className="choices"
            role={group.label ? 'group' : undefined}
            aria-labelledby={group.label ? groupLabelId : undefined}
          >
            {group.label && (
              <p id={groupLabelId} className="choice-group-label">
                {group.label}
              </p>
            )}
            {group.options.map((option) => {
              const optionId = checkboxId(id, option.value);
              const optionHintId = option.hint ? `${optionId}-hint` : undefined;
              return (
                <div className="choice" key={option.value}>
                  <input
                    id={optionId}
                    type="checkbox"
                    name={id}
                    value={option.value}
                    checked={selected.includes(option.value)}
                    aria-describedby={
                      [errorId, optionHintId, hintId].filter(Boolean).join(' ') || undefined
                    }
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => onToggle(option.value, event.target.checked)}
                  />
                  <label htmlFor={optionId}>
                    <span className="choice-label">{option.label}</span>
                    {option.hint && (
                      <span id={optionHintId} className="choice-hint">
                        {option.hint}
                      </span>
                    )}
                  </label>
                </div>
              );
            })}
          </div>
        );
      })}
    </fieldset>
  );
}
