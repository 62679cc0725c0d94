import { dictionary } from '@zxcvbn-ts/language-common';
import {
  LIMITS,
  passwordWeakness,
  UserErrorCode,
  type PersonalDetails,
  type WeakPasswordReason,
} from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';

let commonPasswords: ReadonlySet<string> | null = null;

/**
 * The bundled list of common and leaked passwords (zxcvbn's, ~30,000 entries), loaded on first
 * use. Compared case-insensitively and also with trailing digits and symbols removed, so
 * "Password2024!" counts as "password".
 */
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    (dictionary['passwords-common'] as string[]).map((entry) => entry.toLowerCase()),
  );
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return commonPasswords.has(lower) || (stem.length >= 6 && commonPasswords.has(stem));
}

/** The shared rules (length, personal details, repetition), then the common-password list. */
export function newPasswordWeakness(
  password: string,
  details: PersonalDetails,
): WeakPasswordReason | null {
  return passwordWeakness(password, details) ?? (isCommon(password) ? 'COMMON' : null);
}

/** WEAK_PASSWORD on the field, with the reason and the length limits its advice mentions. */
export function weakPasswordProblem(
  field: readonly string[],
  reason: WeakPasswordReason,
): UserInputProblem {
  return UserInputProblem.of(field, UserErrorCode.WEAK_PASSWORD, {
    reason,
    min: LIMITS.passwordMin,
    max: LIMITS.passwordMax,
  });
}
