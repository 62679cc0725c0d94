import { dictionary } from '@zxcvbn-ts/language-common';
import {
  commonPasswordCheck,
  LIMITS,
  passwordWeakness,
  UserErrorCode,
  type CommonPasswordCheck,
  type PersonalDetails,
  type WeakPasswordReason,
} from '@entry/shared';
import { UserInputProblem } from '../common/user-errors';

let isCommon: CommonPasswordCheck | null = null;

/**
 * The shared rules with the common-password list (zxcvbn's, the same one the web form loads),
 * built on first use.
 */
export function newPasswordWeakness(
  password: string,
  details: PersonalDetails,
): WeakPasswordReason | null {
  isCommon ??= commonPasswordCheck(dictionary['passwords-common'] as string[]);
  return passwordWeakness(password, details, isCommon);
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
