import type { PersonalDetails } from '@entry/shared';
import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { Field } from '../../../components/form/Field';
import { blurredBySubmit, type FieldErrors } from '../../../components/form/form-errors';
import type { NewPasswordField, NewPasswordValues } from '../password-form';
import type { PasswordChecker } from '../password-strength';
import { PasswordStrength } from './PasswordStrength';

interface NewPasswordFieldsProps {
  /** prefix of the inputs' ids: `${idPrefix}-newPassword`, `${idPrefix}-confirmPassword` */
  idPrefix: string;
  values: NewPasswordValues;
  errors: FieldErrors<NewPasswordField>;
  details?: PersonalDetails;
  checker: PasswordChecker | null;
  onChange(field: NewPasswordField, value: string): void;
  onBlur?(field: NewPasswordField): void;
  /** e.g. also show the current password field when the box is ticked */
  onShowChange?(show: boolean): void;
}

/** New password with its strength hint, its confirmation, and "show passwords". */
export function NewPasswordFields({
  idPrefix,
  values,
  errors,
  details,
  checker,
  onChange,
  onBlur,
  onShowChange,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation('accounts');
  const [show, setShow] = useState(false);
  const showId = useId();
  const strengthId = `${idPrefix}-strength`;
  const type = show ? 'text' : 'password';
  return (
    <>
      <Field
        id={`${idPrefix}-newPassword`}
        name="newPassword"
        label={t('password.newLabel')}
        required
        error={errors.newPassword}
        describedBy={strengthId}
      >
        {(control) => (
          <>
            <input
              {...control}
              type={type}
              className="input"
              autoComplete="new-password"
              spellCheck={false}
              autoCapitalize="off"
              value={values.newPassword}
              onChange={(event) => onChange('newPassword', event.target.value)}
              onBlur={(event) => {
                if (!blurredBySubmit(event)) onBlur?.('newPassword');
              }}
            />
            <PasswordStrength
              id={strengthId}
              password={values.newPassword}
              details={details}
              checker={checker}
              showAdvice={!errors.newPassword}
            />
          </>
        )}
      </Field>
      <Field
        id={`${idPrefix}-confirmPassword`}
        name="confirmPassword"
        label={t('password.confirmLabel')}
        required
        error={errors.confirmPassword}
      >
        {(control) => (
          <input
            {...control}
            type={type}
            className="input"
            autoComplete="new-password"
            spellCheck={false}
            autoCapitalize="off"
            value={values.confirmPassword}
            onChange={(event) => onChange('confirmPassword', event.target.value)}
            onBlur={(event) => {
              if (!blurredBySubmit(event)) onBlur?.('confirmPassword');
            }}
          />
        )}
      </Field>
      <div className="checkbox-field">
        <input
          id={showId}
          type="checkbox"
          checked={show}
          onChange={(event) => {
            setShow(event.target.checked);
            onShowChange?.(event.target.checked);
          }}
        />
        <label htmlFor={showId}>{t('password.show')}</label>
      </div>
    </>
  );
}
