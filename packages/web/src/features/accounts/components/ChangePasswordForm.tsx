import { useMutation } from '@apollo/client/react';
import { UserErrorCode, type PersonalDetails } from '@entry/shared';
import { userErrorMessage } from '../../../components/form/user-error-message';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import {
  Field,
  firstInvalid,
  sortUserErrors,
  SubmitButton,
  type FieldErrors,
} from '../../../components/form';
import { ChangePasswordMutation } from '../operations';
import { validateNewPassword, type NewPasswordField } from '../password-form';
import { usePasswordChecker } from '../usePasswordChecker';
import { AccountForm } from './AccountForm';
import { NewPasswordFields } from './NewPasswordFields';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type ChangePasswordField = (typeof FIELDS)[number];
type Values = Record<ChangePasswordField, string>;
const EMPTY: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

interface ChangePasswordFormProps {
  idPrefix: string;
  /** the current password is the temporary one from the approval email */
  temporary: boolean;
  details: PersonalDetails;
  submitLabel: string;
  onChanged(): void | Promise<void>;
}

/** Current password, new password (with its strength hint) and confirmation: changePassword. */
export function ChangePasswordForm({
  idPrefix,
  temporary,
  details,
  submitLabel,
  onChanged,
}: ChangePasswordFormProps) {
  const { t, i18n } = useTranslation('accounts');
  const locale = currentLocale(i18n);
  const [values, setValues] = useState<Values>(EMPTY);
  const checker = usePasswordChecker(values.newPassword !== '');
  const [errors, setErrors] = useState<FieldErrors<ChangePasswordField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [showCurrent, setShowCurrent] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const [changePassword, { loading }] = useMutation(ChangePasswordMutation);
  const id = (field: ChangePasswordField) => `${idPrefix}-${field}`;

  function validate(next: Values): FieldErrors<ChangePasswordField> {
    return {
      ...(next.currentPassword
        ? {}
        : {
            currentPassword: userErrorMessage(
              { field: ['currentPassword'], code: UserErrorCode.REQUIRED },
              locale,
            ),
          }),
      ...validateNewPassword(next, details, checker, locale, t),
    };
  }

  function change(field: ChangePasswordField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors[field]) setErrors((current) => ({ ...current, [field]: validate(next)[field] }));
    // A confirmation that was wrong may be right now that the new password changed.
    if (field === 'newPassword' && errors.confirmPassword && next.confirmPassword)
      setErrors((current) => ({ ...current, confirmPassword: validate(next).confirmPassword }));
  }

  function leave(field: NewPasswordField) {
    if (!values[field]) return;
    setErrors((current) => ({ ...current, [field]: validate(values)[field] }));
  }

  function show(fields: FieldErrors<ChangePasswordField>, form: string[]) {
    flushSync(() => {
      setErrors(fields);
      setFormErrors(form);
    });
    const first = firstInvalid(FIELDS, fields);
    if (first) document.getElementById(id(first))?.focus();
    else alertRef.current?.focus();
  }

  const form = { check: () => validate(values), show, alertRef, formErrors };

  async function send() {
    try {
      const { data } = await changePassword({
        variables: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      const payload = data?.changePassword;
      if (!payload) throw new Error('changePassword answered without a payload');
      if (payload.userErrors.length > 0) {
        const sorted = sortUserErrors(payload.userErrors, FIELDS, locale);
        show(sorted.fields, sorted.form);
        return;
      }
      flushSync(() => {
        setValues(EMPTY);
        setErrors({});
        setFormErrors([]);
      });
      await onChanged();
    } catch (error) {
      console.error('Changing the password failed', error);
      show({}, [t('form.requestFailed')]);
    }
  }

  return (
    <AccountForm form={form} sending={loading} send={send}>
      <Field
        id={id('currentPassword')}
        name="currentPassword"
        label={temporary ? t('password.temporaryLabel') : t('password.currentLabel')}
        required
        hint={temporary ? t('password.temporaryHint') : undefined}
        error={errors.currentPassword}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type={showCurrent ? 'text' : 'password'}
            autoComplete="current-password"
            spellCheck={false}
            autoCapitalize="off"
            value={values.currentPassword}
            onChange={(event) => change('currentPassword', event.target.value)}
          />
        )}
      </Field>
      <NewPasswordFields
        idPrefix={idPrefix}
        values={values}
        errors={errors}
        details={details}
        checker={checker}
        onChange={change}
        onBlur={leave}
        onShowChange={setShowCurrent}
      />
      <div className="form-actions">
        <SubmitButton sending={loading} label={submitLabel} sendingLabel={t('form.saving')} />
      </div>
    </AccountForm>
  );
}
