import { dictionary } from '@zxcvbn-ts/language-common';
import {
  commonPasswordCheck,
  passwordWeakness,
  type CommonPasswordCheck,
  type PersonalDetails,
  type WeakPasswordReason,
} from '@entry/shared';

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
