import { describe, expect, it } from 'vitest';
import { sortPersonErrors, splitListIndex } from '../person-errors';

const FIELDS = ['firstName', 'email', 'accessLevel', 'siteIds'] as const;

describe('person errors', () => {
  it('should split a trailing list index off a field path when the error is about one item', () => {
    expect(splitListIndex(['input', 'siteIds', '3'])).toEqual({
      field: ['input', 'siteIds'],
      index: 3,
    });
    expect(splitListIndex(['input', 'email'])).toEqual({ field: ['input', 'email'], index: null });
    expect(splitListIndex(null)).toEqual({ field: [], index: null });
  });

  it('should put each server error on its field, naming the site when one site is unknown', () => {
    const sorted = sortPersonErrors(
      [
        { field: ['input', 'email'], code: 'TAKEN', message: 'Adresse déjà utilisée.' },
        { field: ['input', 'siteIds', '1'], code: 'NOT_FOUND', message: 'Introuvable.' },
        { field: ['input', 'accessLevel'], code: 'LAST_PAYMENT_ADMIN', message: '…' },
        { field: ['id'], code: 'NOT_FOUND', message: 'Introuvable.' },
      ],
      FIELDS,
      'en',
      ['Grand Ave Suites', 'Harbour View Lofts'],
    );
    expect(sorted.fields).toEqual({
      email: 'This email address is already in use.',
      siteIds: 'Harbour View Lofts: Not found.',
      accessLevel: 'The company must keep at least one active payment admin.',
    });
    expect(sorted.form).toEqual(['Not found.']);
  });

  it('should keep the site error on the sites field in the language shown when no name is known', () => {
    const sorted = sortPersonErrors(
      [{ field: ['input', 'siteIds', '7'], code: 'NOT_FOUND', message: 'Not found.' }],
      FIELDS,
      'sv',
    );
    expect(sorted.fields.siteIds).toBe('Hittades inte.');
  });
});
