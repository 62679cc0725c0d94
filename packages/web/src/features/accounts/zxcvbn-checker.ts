// Loaded with import() from the password pages only: zxcvbn and its dictionaries are most of
// the weight of those pages and none of the first page's.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { commonPasswordCheck } from '@entry/shared';
import type { PasswordChecker } from './password-strength';

export function createPasswordChecker(): PasswordChecker {
  const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return {
    score: (password, userInputs) => zxcvbn.check(password, [...userInputs]).score,
    // the server's list and rule (packages/shared/src/passwords.ts)
    isCommon: commonPasswordCheck(dictionary['passwords-common']),
  };
}
