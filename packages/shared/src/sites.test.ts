import {
  normalizeEntryUserInput,
  normalizeSiteInput,
  SiteProblemReason,
  validateEntryUserInput,
  validateMoveDates,
  validateSiteInput,
} from './sites';
import { isIsoDate } from './move-dates';
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

describe('move-in and move-out dates', () => {
  const problems = (
    input: { moveInDate?: string | null; moveOutDate?: string | null },
    rules: Parameters<typeof validateMoveDates>[2] = {},
  ) =>
    validateMoveDates(input, undefined, rules).map((p) => [
      p.field.join('.'),
      p.params?.['reason'] ?? p.code,
    ]);

  it.each(['2027-02-29', '2027-13-01', '27-03-01', '2027-3-1', '1999-12-31', 'tomorrow'])(
    'should refuse %s as a day',
    (day) => {
      expect(isIsoDate(day)).toBe(false);
      expect(problems({ moveInDate: day })).toEqual([['input.moveInDate', 'INVALID']]);
    },
  );

  it('should accept a leap day and trim a day to nothing when blank', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(
      normalizeEntryUserInput({
        firstName: 'A',
        lastName: 'B',
        email: 'a@b.se',
        moveOutDate: '  ',
      }),
    ).toMatchObject({ moveOutDate: null });
    // left out stays left out: an update keeps the user's dates
    expect(
      normalizeEntryUserInput({ firstName: 'A', lastName: 'B', email: 'a@b.se' }),
    ).not.toHaveProperty('moveInDate');
  });

  it('should refuse a move-out before the move-in, given or kept, and one in the past unless it is the one kept', () => {
    expect(problems({ moveInDate: '2027-05-02', moveOutDate: '2027-05-01' })).toEqual([
      ['input.moveOutDate', 'MOVE_OUT_BEFORE_MOVE_IN'],
    ]);
    expect(problems({ moveInDate: '2027-06-01' }, { keptMoveOut: '2027-05-31' })).toEqual([
      ['input.moveOutDate', 'MOVE_OUT_BEFORE_MOVE_IN'],
    ]);
    expect(problems({ moveOutDate: '2027-05-01' }, { today: '2027-05-02' })).toEqual([
      ['input.moveOutDate', 'MOVE_OUT_IN_PAST'],
    ]);
    expect(problems({ moveOutDate: '2027-05-02' }, { today: '2027-05-02' })).toEqual([]);
    expect(
      problems({ moveOutDate: '2027-05-01' }, { today: '2027-05-02', keptMoveOut: '2027-05-01' }),
    ).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('should word every move date reason in %s', (locale) => {
    for (const reason of [
      'MOVE_OUT_BEFORE_MOVE_IN',
      'MOVE_OUT_IN_PAST',
      'ALREADY_MOVED_IN',
    ] as const) {
      const message = siteProblemMessage(
        { field: ['input', 'moveOutDate'], code: 'INVALID', params: { reason } },
        locale,
      );
      expect(message).not.toBe(siteProblemMessage({ field: ['x'], code: 'INVALID' }, locale));
    }
  });
});
