import {
  normalizeEntryUserInput,
  normalizeSiteInput,
  SiteProblemReason,
  validateEntryUserInput,
  validateSiteInput,
} from './sites';
import { siteProblemMessage } from './problem-messages';
import { SUPPORTED_LOCALES } from './locales';

describe('site input', () => {
  it('should trim the name and collapse its spaces and drop a blank address when normalized', () => {
    expect(normalizeSiteInput({ name: '  Kungsgatan   12 ', address: '   ' })).toEqual({
      name: 'Kungsgatan 12',
      address: null,
    });
  });

  it.each([
    [{ name: '' }, 'name', 'REQUIRED'],
    [{ name: 'x'.repeat(201) }, 'name', 'TOO_LONG'],
    [{ name: 'Ok', address: 'x'.repeat(301) }, 'address', 'TOO_LONG'],
  ])('should report %p as %s %s', (input, field, code) => {
    expect(validateSiteInput(input)).toEqual([
      expect.objectContaining({ field: ['input', field], code }),
    ]);
  });

  it('should accept a name and an address within the limits', () => {
    expect(validateSiteInput({ name: 'x'.repeat(200), address: 'y'.repeat(300) })).toEqual([]);
  });
});

describe('Entry app user input', () => {
  it('should lower-case the email and trim every field when normalized', () => {
    expect(
      normalizeEntryUserInput({
        firstName: ' Åsa ',
        lastName: ' Ekström',
        email: ' Asa@Example.COM ',
        apartment: ' ',
      }),
    ).toEqual({ firstName: 'Åsa', lastName: 'Ekström', email: 'asa@example.com', apartment: null });
  });

  it('should put problems where the path says when validated for a CSV row', () => {
    const problems = validateEntryUserInput(
      { firstName: '', lastName: 'Berg', email: 'nope', apartment: null },
      (field) => ['rows', '7', field],
    );
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      [['rows', '7', 'firstName'], 'REQUIRED'],
      [['rows', '7', 'email'], 'INVALID'],
    ]);
  });
});

describe('siteProblemMessage', () => {
  it('should have words for every reason in every language', () => {
    for (const reason of Object.values(SiteProblemReason)) {
      for (const locale of SUPPORTED_LOCALES) {
        const message = siteProblemMessage(
          {
            field: ['csv'],
            code: 'INVALID',
            params: { reason, line: 3, max: 9, column: 'email', days: 7 },
          },
          locale,
        );
        expect([reason, locale, message.includes('{')]).toEqual([reason, locale, false]);
      }
    }
  });

  it('should fall back to the common message when there is no reason', () => {
    expect(siteProblemMessage({ field: ['input', 'name'], code: 'REQUIRED' }, 'en')).toBe(
      'This field is required.',
    );
  });
});
