import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { firstInvalid, type FieldErrors } from './form-errors';

/**
 * Moves focus to the first field (in the form's order) that has a problem, or else to the
 * form's alert: after a refused submit, the keyboard and the screen reader land on the problem.
 */
export function focusFirstProblem<F extends string>(
  order: readonly F[],
  fields: FieldErrors<F>,
  fieldId: (field: F) => string,
  alert: HTMLElement | null,
): void {
  const first = firstInvalid(order, fields);
  if (first) document.getElementById(fieldId(first))?.focus();
  else alert?.focus();
}

/**
 * A form's problems: the messages under its fields, the ones in its alert, `show`, which puts
 * new ones on screen and focuses the first of them, and `clear`, for a field being changed.
 */
export function useFormProblems<F extends string>(
  order: readonly F[],
  fieldId: (field: F) => string,
) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);

  function show(fields: FieldErrors<F>, form: string[]) {
    // on screen before focusing: the field's error and the alert must exist to be read
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    focusFirstProblem(order, fields, fieldId, alertRef.current);
  }

  /** the field's message goes once its value changes: the person is fixing it */
  function clear(field: F) {
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }

  return { errors, setErrors, formErrors, alertRef, show, clear };
}
