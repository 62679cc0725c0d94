import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../lib/useTranslation';
import { currentLocale } from '../../app/i18n';
import { firstInvalid, type FieldErrors } from '../../components/form/form-errors';
import {
  validateNewPassword,
  type NewPasswordField,
  type NewPasswordValues,
} from './password-form';
import { usePasswordChecker } from './usePasswordChecker';

export const NEW_PASSWORD_FIELDS = ['newPassword', 'confirmPassword'] as const;
const EMPTY: NewPasswordValues = { newPassword: '', confirmPassword: '' };

/**
 * The state of a form where someone chooses a new password with an emailed token (reset,
 * invitation): the values, their errors checked when a field is left and again as it is fixed,
 * and show() to put the checks' or the API's problems on screen, focusing the first.
 * `idPrefix`: the fields' ids are `${idPrefix}-newPassword` and so on (NewPasswordFields).
 */
export function useNewPasswordForm(idPrefix: string) {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const [values, setValues] = useState<NewPasswordValues>(EMPTY);
  const checker = usePasswordChecker(values.newPassword !== '');
  const [errors, setErrors] = useState<FieldErrors<NewPasswordField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);

  function validate(next: NewPasswordValues) {
    return validateNewPassword(next, {}, checker, locale, t);
  }

  function change(field: NewPasswordField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors[field]) setErrors((current) => ({ ...current, [field]: validate(next)[field] }));
  }

  function leave(field: NewPasswordField) {
    if (!values[field]) return;
    setErrors((current) => ({ ...current, [field]: validate(values)[field] }));
  }

  function show(fields: FieldErrors<NewPasswordField>, form: string[]) {
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    const first = firstInvalid(NEW_PASSWORD_FIELDS, fields);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
    else alertRef.current?.focus();
  }

  const check = () => validate(values);
  return { checker, values, errors, formErrors, alertRef, validate, check, change, leave, show };
}
