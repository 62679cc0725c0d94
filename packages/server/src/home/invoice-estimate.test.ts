import { activeDays, billingMonthOf, daysCounted, estimateSubtotal } from './invoice-estimate';

const at = (iso: string) => new Date(iso);
const FEBRUARY = billingMonthOf(at('2027-02-14T12:00:00Z'));

describe('billingMonthOf', () => {
  it('should span the whole UTC month', () => {
    expect(FEBRUARY).toMatchObject({ days: 28, firstDay: '2027-02-01', lastDay: '2027-02-28' });
  });
});

describe('daysCounted', () => {
  const allMonth = activeDays([{ start: at('2020-01-01T00:00:00Z'), end: null }], FEBRUARY);

  it.each([
    ['active all month', at('2026-12-01T00:00:00Z'), null, 28],
    ['added on the 10th at 23:59', at('2027-02-10T23:59:00Z'), null, 19],
    ['removed on the 3rd at 00:01', at('2026-12-01T00:00:00Z'), at('2027-02-03T00:01:00Z'), 3],
    [
      'added and removed on the same day',
      at('2027-02-05T08:00:00Z'),
      at('2027-02-05T09:00:00Z'),
      1,
    ],
    ['removed before the month', at('2026-12-01T00:00:00Z'), at('2027-01-31T23:59:59Z'), 0],
    ['added after the month', at('2027-03-01T00:00:00Z'), null, 0],
  ])('should count a user %s', (_label, start, end, expected) => {
    expect(daysCounted({ start, end }, allMonth, FEBRUARY)).toBe(expected);
  });

  it('should count only the days the site was active, the day of deactivation included', () => {
    const site = activeDays(
      [
        { start: at('2020-01-01T00:00:00Z'), end: at('2027-02-10T10:00:00Z') },
        { start: at('2027-02-20T15:00:00Z'), end: null },
      ],
      FEBRUARY,
    );
    expect(daysCounted({ start: at('2020-01-01T00:00:00Z'), end: null }, site, FEBRUARY)).toBe(
      10 + 9,
    );
  });
});

describe('estimateSubtotal', () => {
  it('should round once over the sum of every user-day', () => {
    const periods = new Map([['s', [{ start: at('2020-01-01T00:00:00Z'), end: null }]]]);
    const users = [1, 2, 3].map(() => ({
      siteId: 's',
      start: at('2027-02-20T00:00:00Z'),
      end: null,
    }));
    expect(
      estimateSubtotal({ month: FEBRUARY, unitAmount: 150, users, sitePeriods: periods }),
    ).toEqual({
      billedUsers: 3,
      subtotal: Math.round((150 * 27) / 28),
    });
  });
});
