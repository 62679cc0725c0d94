// Loaded with import() from the password pages only: zxcvbn and its dictionaries are most of
// the weight of those pages and none of the first page's.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordChecker } from './password-strength';

export function createPasswordChecker(): PasswordChecker {
  const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // The same list and the same rule as the server's password policy
  // (packages/server/src/accounts/password-policy.ts): lower case, and also without trailing
  // digits and symbols, so "Password2024!" counts as "password".
  const common = new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return {
    score: (password, userInputs) => zxcvbn.check(password, [...userInputs]).score,
    isCommon(password) {
      const lower = password.toLowerCase();
      const stem = lower.replace(/[\d\W_]+$/u, '');
      return common.has(lower) || (stem.length >= 6 && common.has(stem));
    },
  };
}
