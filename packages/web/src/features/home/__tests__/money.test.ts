import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/money';
import { formatPeriod } from '../period';

// Intl puts no-break spaces (U+00A0, U+202F) where a person sees a space.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('formatMoney', () => {
  it.each([
    ['en', 'EUR', 123456, '€1,234.56'],
    ['nl', 'EUR', 123456, '€ 1.234,56'],
    ['sv', 'SEK', 123456, '1 234,56 kr'],
    ['fr', 'EUR', 123456, '1 234,56 €'],
    ['en', 'SEK', 250, 'SEK 2.50'],
  ])(
    'should write %s minor units of %s the way the language does when formatting %i',
    (locale, currency, minor, expected) => {
      expect(plain(formatMoney(minor, currency, locale))).toBe(expected);
    },
  );

  it('should divide by the currency own minor unit when it has no cents (JPY) or three digits (KWD)', () => {
    expect(plain(formatMoney(1500, 'JPY', 'en'))).toBe('¥1,500');
    expect(plain(formatMoney(1500, 'KWD', 'en'))).toBe('KWD 1.500');
  });

  it('should keep the sign and zero when the amount is zero or negative', () => {
    expect(plain(formatMoney(0, 'EUR', 'en'))).toBe('€0.00');
    expect(plain(formatMoney(-995, 'EUR', 'en'))).toBe('-€9.95');
  });
});

describe('formatPeriod', () => {
  it.each([
    ['en', 'November 1 – 30, 2026'],
    ['nl', '1–30 november 2026'],
    ['sv', '1–30 november 2026'],
    ['fr', '1–30 novembre 2026'],
  ])('should write the billing month as a range of days in %s', (locale, expected) => {
    expect(plain(formatPeriod('2026-11-01', '2026-11-30', locale))).toBe(expected);
  });
});
