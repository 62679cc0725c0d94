import { LIMITS } from './validation';
import type { WeakPasswordReason } from './user-errors';

export interface PersonalDetails {
  readonly email?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
}

/** Parts of a person's identity that must not appear in their password (3+ characters). */
function personalWords(details: PersonalDetails): string[] {
  const local = details.email?.split('@')[0] ?? '';
  return [details.email, local, ...local.split(/[._+-]/), details.firstName, details.lastName]
    .map((word) => (word ?? '').trim().toLowerCase())
    .filter((word) => word.length >= 3);
}

/** "aaaaaaaaaaaa", "123456789012", "abcabcabcabc": long but guessable at once. */
function isRepetitive(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return true;
  for (let size = 1; size <= 4; size++) {
    const unit = lower.slice(0, size);
    if (unit.repeat(Math.ceil(lower.length / size)).slice(0, lower.length) === lower) return true;
  }
  let sequential = true;
  for (let i = 1; i < lower.length && sequential; i++) {
    const step = lower.charCodeAt(i) - lower.charCodeAt(i - 1);
    sequential = step === 1 || step === -1;
  }
  return sequential;
}

/** Whether a password is on a list of common and leaked ones; see commonPasswordCheck. */
export type CommonPasswordCheck = (password: string) => boolean;

/**
 * The common-password rule, over a list the caller brings (zxcvbn's ~30,000 entries: the server
 * loads it on first use, the web app only with the password pages' lazy chunk, so this module
 * stays light). Compared case-insensitively and also with trailing digits and symbols removed,
 * so "Password2024!" counts as "password".
 */
export function commonPasswordCheck(list: readonly string[]): CommonPasswordCheck {
  const common = new Set(list.map((entry) => entry.toLowerCase()));
  return (password) => {
    const lower = password.toLowerCase();
    const stem = lower.replace(/[\d\W_]+$/u, '');
    return common.has(lower) || (stem.length >= 6 && common.has(stem));
  };
}

/**
 * The password rules both the form and the server apply: length (no composition rules, as NIST
 * SP 800-63B advises), not the person's own name or email, not trivially repetitive, and not on
 * the list of common and leaked passwords when a check for it is given (the server always gives
 * one; the web form once the list has loaded).
 */
export function passwordWeakness(
  password: string,
  details: PersonalDetails = {},
  isCommon: CommonPasswordCheck | null = null,
): WeakPasswordReason | null {
  // Length in code points, so a passphrase with accents or emoji counts as the person sees it.
  const length = [...password].length;
  if (length < LIMITS.passwordMin) return 'TOO_SHORT';
  if (length > LIMITS.passwordMax) return 'TOO_LONG';
  const lower = password.toLowerCase();
  if (personalWords(details).some((word) => lower.includes(word))) return 'PERSONAL';
  if (isRepetitive(password)) return 'REPEATED';
  if (isCommon?.(password)) return 'COMMON';
  return null;
}
