import { describe, expect, it } from 'vitest';
import {
  cardDigits,
  checkSandboxCard,
  cvcProblem,
  detectBrand,
  expiryProblem,
  luhnValid,
  numberProblem,
  parseExpiry,
  TEST_CARD_TOKENS,
} from '../card/test-cards';

const NOW = new Date(2026, 10, 23); // 23 November 2026, local time

describe('test card numbers', () => {
  it.each([
    ['4242 4242 4242 4242', 'pm_card_visa', 'visa'],
    ['5555 5555 5555 4444', 'pm_card_mastercard', 'mastercard'],
    ['4000 0000 0000 0002', 'pm_card_chargeDeclined', 'visa'],
    ['4000 0000 0000 0341', 'pm_card_visa_chargeDeclined', 'visa'],
    ['3782 822463 10005', 'pm_card_amex', 'amex'],
  ])('should send %s as the token %s when the card is otherwise valid', (number, token, brand) => {
    const cvc = brand === 'amex' ? '1234' : '123';
    const result = checkSandboxCard({ number, expiry: '12/30', cvc }, NOW);
    expect(result).toEqual({
      ok: true,
      card: {
        token,
        brand,
        last4: cardDigits(number)!.slice(-4),
        expMonth: 12,
        expYear: 2030,
      },
    });
  });

  it('should know exactly the five test cards the sandbox accepts', () => {
    expect(Object.values(TEST_CARD_TOKENS).sort()).toEqual([
      'pm_card_amex',
      'pm_card_chargeDeclined',
      'pm_card_mastercard',
      'pm_card_visa',
      'pm_card_visa_chargeDeclined',
    ]);
  });

  it('should ask for a test card when a real, valid number is typed', () => {
    // 4111 1111 1111 1111 passes Luhn but is not one of the sandbox's cards.
    expect(numberProblem('4111 1111 1111 1111')).toBe('NOT_TEST_CARD');
    const result = checkSandboxCard(
      { number: '4111111111111111', expiry: '12/30', cvc: '123' },
      NOW,
    );
    expect(result).toEqual({ ok: false, problems: { number: 'NOT_TEST_CARD' } });
  });

  it('should refuse a number whose check digit is wrong when it has the right length', () => {
    expect(numberProblem('4242 4242 4242 4241')).toBe('LUHN');
  });

  it('should refuse letters, wrong lengths and an empty field with their own problems', () => {
    expect(numberProblem('')).toBe('REQUIRED');
    expect(numberProblem('4242 4242 abcd 4242')).toBe('INVALID');
    expect(numberProblem('4242 4242')).toBe('INVALID');
  });

  it('should accept spaces and dashes between the digits when reading the number', () => {
    expect(cardDigits('4242-4242 4242-4242')).toBe('4242424242424242');
    expect(cardDigits('4242.4242')).toBeNull();
  });
});

describe('luhnValid', () => {
  it.each(['4242424242424242', '5555555555554444', '378282246310005', '4000000000000341'])(
    'should accept %s when its check digit is right',
    (digits) => expect(luhnValid(digits)).toBe(true),
  );

  it.each(['4242424242424241', '1234567812345678', '', '4'])(
    'should refuse %j when the check digit is wrong or there is no number',
    (digits) => expect(luhnValid(digits)).toBe(false),
  );
});

describe('detectBrand', () => {
  it.each([
    ['4', 'visa'],
    ['51', 'mastercard'],
    ['2221', 'mastercard'],
    ['34', 'amex'],
    ['37', 'amex'],
    ['6011', 'unknown'],
  ])('should read %s as %s from the first digits', (digits, brand) => {
    expect(detectBrand(digits)).toBe(brand);
  });
});

describe('expiry', () => {
  it.each(['12/30', '12 / 2030', '1230', '12-30'])('should read %s as December 2030', (text) => {
    expect(parseExpiry(text)).toEqual({ month: 12, year: 2030 });
  });

  it('should accept the current month when the card is valid through its last day', () => {
    expect(expiryProblem('11/26', NOW)).toBeNull();
  });

  it('should say expired when the month is past', () => {
    expect(expiryProblem('10/26', NOW)).toBe('EXPIRED');
    expect(expiryProblem('12/25', NOW)).toBe('EXPIRED');
  });

  it('should refuse month 13, text and dates decades ahead as invalid', () => {
    expect(expiryProblem('13/30', NOW)).toBe('INVALID');
    expect(expiryProblem('next year', NOW)).toBe('INVALID');
    expect(expiryProblem('12/2099', NOW)).toBe('INVALID');
    expect(expiryProblem(' ', NOW)).toBe('REQUIRED');
  });

  it('should report the expired date as the problem when the rest of the card is valid', () => {
    const result = checkSandboxCard(
      { number: '4242424242424242', expiry: '01/20', cvc: '123' },
      NOW,
    );
    expect(result).toEqual({ ok: false, problems: { expiry: 'EXPIRED' } });
  });
});

describe('cvcProblem', () => {
  it('should want 3 digits for Visa and 4 for American Express', () => {
    expect(cvcProblem('123', 'visa')).toBeNull();
    expect(cvcProblem('1234', 'visa')).toBe('INVALID');
    expect(cvcProblem('1234', 'amex')).toBeNull();
    expect(cvcProblem('123', 'amex')).toBe('INVALID');
    expect(cvcProblem('12a', 'mastercard')).toBe('INVALID');
    expect(cvcProblem('', 'visa')).toBe('REQUIRED');
  });
});
