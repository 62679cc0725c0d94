import { canonicalReadableCode, generateReadableCode } from './readable-codes';

/** 28 symbols of 5 bits = 140 bits of entropy, shown as XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX. */
export function generateTemporaryPassword(): string {
  return generateReadableCode(7, 4);
}

/** What gets hashed and compared (see canonicalReadableCode). */
export const canonicalTemporaryPassword = canonicalReadableCode;
