import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, numberFormat } from '../intl-formats';

describe('intl-formats', () => {
  it('should write a date as the language does', () => {
    expect(formatDate('2026-11-23T10:00:00Z', 'en')).toBe('November 23, 2026');
    expect(formatDate('2026-11-23', 'nl')).toBe('23 november 2026');
  });

  it('should show a value that is not a date as it is', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('should group digits as the language does', () => {
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatCount(1234, 'sv')).toBe(numberFormat('sv').format(1234));
  });

  it('should make one formatter per language and options', () => {
    expect(numberFormat('fr')).toBe(numberFormat('fr'));
    expect(numberFormat('fr')).not.toBe(numberFormat('nl'));
  });
});
