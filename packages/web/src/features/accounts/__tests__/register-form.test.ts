import { userErrorMessage } from '@entry/shared';
import { describe, expect, it } from 'vitest';
import {
  browserCountry,
  emptyRegistration,
  sortedCountries,
  toRegistrationInput,
  validateRegisterValues,
} from '../register-form';

const filled = {
  ...emptyRegistration('SE'),
  type: 'SYSTEM_MANAGER',
  companyName: '  Berg Porttelefoni AB ',
  companyAddress: 'Storgatan 1',
  vatNumber: 'se 5566.7788-9901',
  firstName: 'Anna',
  lastName: 'Berg',
  email: ' anna@berg.se ',
};

describe('browserCountry', () => {
  it('should take the region of the first language that names one when the browser has several', () => {
    expect(browserCountry(['sv', 'fr-BE', 'en-GB'])).toBe('BE');
  });

  it("should guess the first language's usual country when no language names a region", () => {
    expect(browserCountry(['nl'])).toBe('NL');
    expect(browserCountry(['sv', 'en'])).toBe('SE');
  });

  it('should leave the country empty when the only hint is English without a region', () => {
    expect(browserCountry(['en'])).toBe('');
    expect(browserCountry([])).toBe('');
  });

  it('should ignore regions that are not countries when the tag names one', () => {
    expect(browserCountry(['es-419', 'de-AT'])).toBe('AT');
    expect(browserCountry(['es-419'])).toBe('');
  });
});

describe('sortedCountries', () => {
  it('should sort every country by its name in the interface language when the list is built', () => {
    const swedish = sortedCountries('sv');
    const names = swedish.map((country) => country.name);
    expect(names).toContain('Sverige');
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    expect(swedish.length).toBeGreaterThan(240);
  });
});

describe('validateRegisterValues', () => {
  it('should report every required field in the server words when nothing is filled in', () => {
    const errors = validateRegisterValues(emptyRegistration(''), 'nl');
    expect(errors).toEqual({
      type: 'Dit veld is verplicht.',
      country: 'Dit veld is verplicht.',
      companyName: 'Dit veld is verplicht.',
      companyAddress: 'Dit veld is verplicht.',
      firstName: 'Dit veld is verplicht.',
      lastName: 'Dit veld is verplicht.',
      email: 'Dit veld is verplicht.',
    });
  });

  it('should use the field-specific words when a value has the wrong form', () => {
    const errors = validateRegisterValues(
      { ...filled, email: 'anna@', phone: 'call me', vatNumber: '12' },
      'en',
    );
    expect(errors).toEqual({
      email: 'Enter an email address like name@example.com.',
      phone: 'Enter a phone number with digits, spaces, +, - or brackets.',
      vatNumber: userErrorMessage({ field: ['input', 'vatNumber'], code: 'INVALID' }, 'en'),
    });
  });

  it('should find nothing wrong when the form is complete', () => {
    expect(validateRegisterValues(filled, 'sv')).toEqual({});
  });
});

describe('toRegistrationInput', () => {
  it('should send trimmed values, the VAT number compacted and the interface language', () => {
    expect(toRegistrationInput(filled, 'sv')).toEqual({
      type: 'SYSTEM_MANAGER',
      country: 'SE',
      companyName: 'Berg Porttelefoni AB',
      companyAddress: 'Storgatan 1',
      companyPhone: null,
      vatNumber: 'SE556677889901',
      firstName: 'Anna',
      lastName: 'Berg',
      email: 'anna@berg.se',
      phone: null,
      locale: 'sv',
    });
  });
});
