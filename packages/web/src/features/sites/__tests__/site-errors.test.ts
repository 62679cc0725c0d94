import { describe, expect, it } from 'vitest';
import { siteErrorText, sortSiteUserErrors } from '../site-errors';

describe('siteErrorText', () => {
  it('should say the site name is taken, in the interface language, when the server says TAKEN on name', () => {
    const error = {
      field: ['input', 'name'],
      code: 'TAKEN',
      message: 'Another site already has this name.',
    };
    expect(siteErrorText(error, 'sv')).toBe('En annan anläggning har redan det här namnet.');
    expect(siteErrorText(error, 'fr')).toBe('Un autre site porte déjà ce nom.');
  });

  it('should say a user of the site has the address when TAKEN is on email', () => {
    expect(siteErrorText({ field: ['input', 'email'], code: 'TAKEN', message: 'x' }, 'nl')).toBe(
      'Een Entry app-gebruiker van deze locatie heeft dit e-mailadres al.',
    );
  });

  it('should name the limit when a value is too long', () => {
    expect(siteErrorText({ field: ['input', 'name'], code: 'TOO_LONG', message: 'x' }, 'en')).toBe(
      'Use at most 200 characters.',
    );
  });

  it('should keep the server words when the code is unknown', () => {
    expect(
      siteErrorText({ field: [], code: 'SOMETHING_NEW', message: 'Server words.' }, 'en'),
    ).toBe('Server words.');
  });
});

describe('sortSiteUserErrors', () => {
  it('should put field errors under their fields and the rest above the form', () => {
    const sorted = sortSiteUserErrors(
      [
        { field: ['input', 'name'], code: 'REQUIRED', message: 'x' },
        { field: ['siteId'], code: 'INVALID_STATE', message: 'x' },
      ],
      ['name', 'address'] as const,
      'en',
    );
    expect(sorted.fields).toEqual({ name: 'This field is required.' });
    expect(sorted.form).toEqual(['This site is deactivated. Reactivate it first.']);
  });
});
