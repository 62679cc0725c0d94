import { UserErrorCode, type Locale, type PersonalDetails } from '@entry/shared';
import { userErrorMessage } from '../../components/form/user-error-message';
import type { TFunction } from '../../lib/translator';
import type { FieldErrors } from '../../components/form/form-errors';
import { estimateStrength, weakPasswordText, type PasswordChecker } from './password-strength';

export type NewPasswordField = 'newPassword' | 'confirmPassword';

export interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

const required = (field: string, locale: Locale) =>
  userErrorMessage({ field: [field], code: UserErrorCode.REQUIRED }, locale);

/**
 * The new password by the server's rules (and the common list, once the checker is loaded), and
 * the confirmation. Returns only the fields that have a problem.
 */
export function validateNewPassword(
  values: NewPasswordValues,
  details: PersonalDetails,
  checker: PasswordChecker | null,
  locale: Locale,
  t: TFunction<'accounts'>,
): FieldErrors<NewPasswordField> {
  const errors: FieldErrors<NewPasswordField> = {};
  if (!values.newPassword) {
    errors.newPassword = required('newPassword', locale);
  } else {
    const { weakness } = estimateStrength(values.newPassword, details, checker);
    if (weakness) errors.newPassword = weakPasswordText(weakness, locale);
  }
  if (!values.confirmPassword) errors.confirmPassword = required('confirmPassword', locale);
  else if (values.confirmPassword !== values.newPassword)
    errors.confirmPassword = t('password.mismatch');
  return errors;
}
