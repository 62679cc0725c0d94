import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing to confuse when read from an email or a
// printout and typed. Each symbol carries 5 bits.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random code of `groups` groups of `groupSize` symbols, dash-separated: XXXX-XXXX-… */
export function generateReadableCode(groups: number, groupSize: number): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let group = '';
    for (let i = 0; i < groupSize; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(group);
  }
  return parts.join('-');
}

/**
 * What gets hashed and compared: upper case, without the dashes and spaces people add or drop,
 * and with the letters people type for the digits they resemble.
 */
export function canonicalReadableCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}
