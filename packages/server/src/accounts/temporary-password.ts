import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing to confuse when read from an email and typed.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 7;
const GROUP_SIZE = 4;

/** 28 symbols of 5 bits = 140 bits of entropy, shown as XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX. */
export function generateTemporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_SIZE; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * What gets hashed and compared: upper case, without the dashes and spaces people add or drop,
 * and with the letters people type for the digits they resemble.
 */
export function canonicalTemporaryPassword(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}
