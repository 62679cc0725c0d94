import type { ReactNode } from 'react';
import { useTranslation } from '../../lib/useTranslation';

/** What a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  name: string;
  required: boolean;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FieldProps {
  id: string;
  /** the form value's name; also the `name` attribute */
  name: string;
  label: ReactNode;
  required?: boolean;
  /**
   * false: the label carries neither "*" nor "(optional)" (a list's filters: every one is
   * optional, and saying so on each is noise)
   */
  showRequirement?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  /** more ids to describe the control with (e.g. a strength meter) */
  describedBy?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * One labelled form control with its hint and its error. The error sits between the label and
 * the control, and the control points at both with aria-describedby, so a screen reader reads
 * the problem when the control gets focus.
 */
export function Field({
  id,
  name,
  label,
  required = false,
  showRequirement = true,
  hint,
  error,
  describedBy,
  children,
}: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const description = [errorId, hintId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {showRequirement && <RequiredMark required={required} />}
      </label>
      <FieldHelp hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {children({
        id,
        name,
        required,
        'aria-describedby': description,
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}

/**
 * A field's hint, then its error (a group of checkboxes has them too): the ids are what its
 * controls' aria-describedby point at.
 */
export function FieldHelp({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: ReactNode;
  hintId: string | undefined;
  error?: string | undefined;
  errorId: string | undefined;
}) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && errorId && <FieldError id={errorId}>{error}</FieldError>}
    </>
  );
}

/** "*" after a required field's label (the control says "required" itself), "(optional)" otherwise. */
export function RequiredMark({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return required ? (
    <span className="required-mark" aria-hidden="true">
      {' *'}
    </span>
  ) : (
    <span className="optional-mark"> {t('form.optional')}</span>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('form.errorPrefix')}</span> {children}
    </p>
  );
}

/** The line above a form that explains the "*". */
export function RequiredNote() {
  const { t } = useTranslation();
  return <p className="form-note">{t('form.requiredNote')}</p>;
}

interface SubmitButtonProps {
  sending: boolean;
  label: string;
  sendingLabel: string;
  className?: string;
}

/** Disabled while the request runs, and says so (also to screen readers, via its name). */
export function SubmitButton({
  sending,
  label,
  sendingLabel,
  className = 'button',
}: SubmitButtonProps) {
  return (
    <button type="submit" className={className} disabled={sending}>
      {sending ? sendingLabel : label}
    </button>
  );
}
