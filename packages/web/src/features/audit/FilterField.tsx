import type { ReactNode } from 'react';
import { FieldError } from '../../components/form/Field';
import type { ControlProps } from '../../components/form/Field';

interface FilterFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A filter's label, hint and error tied to its control, like a form field but without the
 * "(optional)" every filter would carry.
 */
export function FilterField({ id, name, label, hint, error, children }: FilterFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId!}>{error}</FieldError>}
      {children({
        id,
        name,
        required: false,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}
