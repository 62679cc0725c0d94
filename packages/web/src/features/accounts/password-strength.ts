import {
  LIMITS,
  passwordWeakness,
  UserErrorCode,
  type CommonPasswordCheck,
  type Locale,
  type PersonalDetails,
  type WeakPasswordReason,
} from '@entry/shared';
import { userErrorMessage } from '../../components/form/user-error-message';

/** A second opinion on a password, loaded on the password pages only (zxcvbn, ~150 kB). */
export interface PasswordChecker {
  /** zxcvbn's score: 0 (guessable at once) to 4 (very hard to guess) */
  score(password: string, userInputs: readonly string[]): 0 | 1 | 2 | 3 | 4;
  /** on the common/leaked password list the server refuses, by the server's rule */
  isCommon: CommonPasswordCheck;
}

export type StrengthLevel = 'empty' | 'weak' | 'fair' | 'good' | 'strong';

export interface StrengthEstimate {
  level: StrengthLevel;
  /** why the server would refuse it; null when it would accept it */
  weakness: WeakPasswordReason | null;
}

/** Length alone, while zxcvbn is still loading: long passphrases are what we recommend. */
function levelByLength(length: number): StrengthLevel {
  if (length >= LIMITS.passwordMin + 8) return 'strong';
  if (length >= LIMITS.passwordMin + 4) return 'good';
  return 'fair';
}

const LEVEL_BY_SCORE: Readonly<Record<0 | 1 | 2 | 3 | 4, StrengthLevel>> = {
  0: 'fair',
  1: 'fair',
  2: 'fair',
  3: 'good',
  4: 'strong',
};

/**
 * How strong a new password looks. "weak" means exactly "the server would refuse it": the
 * shared rules (length, own name or email, repetition), then the common-password list once the
 * checker is there. Anything the server accepts is at least "fair"; zxcvbn grades the rest.
 */
export function estimateStrength(
  password: string,
  details: PersonalDetails = {},
  checker: PasswordChecker | null = null,
): StrengthEstimate {
  if (password.length === 0) return { level: 'empty', weakness: null };
  const weakness = passwordWeakness(password, details, checker?.isCommon);
  if (weakness) return { level: 'weak', weakness };
  if (!checker) return { level: levelByLength([...password].length), weakness: null };
  const userInputs = [details.email, details.firstName, details.lastName].filter(
    (value): value is string => Boolean(value),
  );
  return { level: LEVEL_BY_SCORE[checker.score(password, userInputs)], weakness: null };
}

/** The server's words for a refused password, with the limits filled in. */
export function weakPasswordText(
  reason: WeakPasswordReason,
  locale: Locale,
  field = 'newPassword',
): string {
  return userErrorMessage(
    {
      field: [field],
      code: UserErrorCode.WEAK_PASSWORD,
      params: { reason, min: LIMITS.passwordMin, max: LIMITS.passwordMax },
    },
    locale,
  );
}
