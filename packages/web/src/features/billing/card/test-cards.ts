/**
 * The sandbox card form's rules. With the built-in sandbox (paymentProvider.kind 'sandbox') the
 * server accepts Stripe's test PaymentMethod tokens only; the form turns Stripe's published test
 * card NUMBERS into those tokens here, in the browser, so no card number is ever sent.
 * https://docs.stripe.com/testing#cards
 */

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'unknown';

/** Stripe's test card numbers (digits only) and the token each one stands for. */
export const TEST_CARD_TOKENS: Readonly<Record<string, string>> = {
  '4242424242424242': 'pm_card_visa',
  '5555555555554444': 'pm_card_mastercard',
  /** refused when it is saved */
  '4000000000000002': 'pm_card_chargeDeclined',
  /** saved, but every charge fails */
  '4000000000000341': 'pm_card_visa_chargeDeclined',
  '378282246310005': 'pm_card_amex',
};

/** The test numbers as people type them, for the form's hint. */
export const TEST_CARD_EXAMPLES = [
  '4242 4242 4242 4242',
  '5555 5555 5555 4444',
  '3782 822463 10005',
];

export type NumberProblem = 'REQUIRED' | 'INVALID' | 'LUHN' | 'NOT_TEST_CARD';
export type ExpiryProblem = 'REQUIRED' | 'INVALID' | 'EXPIRED';
export type CvcProblem = 'REQUIRED' | 'INVALID';

export interface CardInput {
  number: string;
  /** MM/YY, MM/YYYY, MMYY */
  expiry: string;
  cvc: string;
}

export interface CardProblems {
  number?: NumberProblem;
  expiry?: ExpiryProblem;
  cvc?: CvcProblem;
}

export interface SandboxCard {
  token: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}

export type SandboxCardCheck =
  { ok: true; card: SandboxCard } | { ok: false; problems: CardProblems };

/** "4242 4242-4242 4242" -> "4242424242424242"; null when anything but digits, spaces or dashes. */
export function cardDigits(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  return /^\d*$/.test(compact) ? compact : null;
}

/** The Luhn (mod 10) check digit test every card number passes. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The card network by the number's first digits (enough for the brands the sandbox knows). */
export function detectBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^5[1-5]/.test(digits)) return 'mastercard';
  const prefix = Number(digits.slice(0, 4));
  if (digits.length >= 4 && prefix >= 2221 && prefix <= 2720) return 'mastercard';
  return 'unknown';
}

const LENGTHS: Readonly<Record<CardBrand, readonly number[]>> = {
  visa: [13, 16, 19],
  mastercard: [16],
  amex: [15],
  unknown: [12, 13, 14, 15, 16, 17, 18, 19],
};

export function numberProblem(input: string): NumberProblem | null {
  if (input.trim() === '') return 'REQUIRED';
  const digits = cardDigits(input);
  if (digits === null || !LENGTHS[detectBrand(digits)].includes(digits.length)) return 'INVALID';
  if (!luhnValid(digits)) return 'LUHN';
  if (!TEST_CARD_TOKENS[digits]) return 'NOT_TEST_CARD';
  return null;
}

/** "12/30", "12 / 2030", "1230" -> { month: 12, year: 2030 }; null when it is no date. */
export function parseExpiry(input: string): { month: number; year: number } | null {
  const match = /^(\d{1,2})\s*[/.-]?\s*(\d{2}|\d{4})$/.exec(input.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const rawYear = match[2]!;
  const year = rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** A card is valid through the last day of its expiry month. */
export function expiryProblem(input: string, now: Date): ExpiryProblem | null {
  if (input.trim() === '') return 'REQUIRED';
  const expiry = parseExpiry(input);
  if (!expiry) return 'INVALID';
  const thisMonth = now.getFullYear() * 12 + now.getMonth();
  const expiryMonth = expiry.year * 12 + (expiry.month - 1);
  if (expiryMonth < thisMonth) return 'EXPIRED';
  // Twenty years ahead is a typing mistake, not a card.
  if (expiryMonth > thisMonth + 20 * 12) return 'INVALID';
  return null;
}

/** Three digits, four for American Express (on the front). */
export function cvcProblem(input: string, brand: CardBrand): CvcProblem | null {
  const cvc = input.trim();
  if (cvc === '') return 'REQUIRED';
  const lengths = brand === 'amex' ? [4] : brand === 'unknown' ? [3, 4] : [3];
  return /^\d+$/.test(cvc) && lengths.includes(cvc.length) ? null : 'INVALID';
}

/** Everything the sandbox form checks, and the token to send when all is well. */
export function checkSandboxCard(input: CardInput, now: Date): SandboxCardCheck {
  const digits = cardDigits(input.number) ?? '';
  const brand = detectBrand(digits);
  const problems: CardProblems = {};
  const number = numberProblem(input.number);
  const expiry = expiryProblem(input.expiry, now);
  const cvc = cvcProblem(input.cvc, brand);
  if (number) problems.number = number;
  if (expiry) problems.expiry = expiry;
  if (cvc) problems.cvc = cvc;
  const parsed = parseExpiry(input.expiry);
  const token = TEST_CARD_TOKENS[digits];
  if (number || expiry || cvc || !parsed || !token) return { ok: false, problems };
  return {
    ok: true,
    card: { token, brand, last4: digits.slice(-4), expMonth: parsed.month, expYear: parsed.year },
  };
}
