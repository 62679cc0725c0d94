import { parsePeriod, previousPeriod } from '../billing-period';
import { activeDays, prorateSite, roundHalfUp } from '../proration';
import { vatAmount, vatTreatment } from '../vat';

const november = parsePeriod('2026-11')!;
const at = (iso: string) => new Date(iso);

describe('billing periods', () => {
  it('should know the days of each month, leap years included', () => {
    expect(parsePeriod('2026-02')!.days).toBe(28);
    expect(parsePeriod('2028-02')!.days).toBe(29);
    expect(november).toMatchObject({ days: 30, firstDay: '2026-11-01', lastDay: '2026-11-30' });
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('26-11')).toBeNull();
  });

  it('should bill the previous month on the 1st, across a new year', () => {
    expect(previousPeriod(at('2027-01-01T00:00:00Z')).period).toBe('2026-12');
    expect(previousPeriod(at('2026-12-01T05:00:00Z')).period).toBe('2026-11');
  });
});

describe('proration', () => {
  it('should count the day added and the day removed', () => {
    const days = activeDays(
      [{ from: at('2026-11-10T23:59:00Z'), to: at('2026-11-12T00:00:01Z') }],
      november,
    );
    expect(days.filter(Boolean)).toHaveLength(3);
    expect(days[9]).toBe(true);
    expect(days[11]).toBe(true);
  });

  it('should clip spans to the month and ignore those outside it', () => {
    expect(
      activeDays([{ from: at('2026-10-15T00:00:00Z'), to: null }], november).filter(Boolean),
    ).toHaveLength(30);
    expect(
      activeDays([{ from: at('2026-12-01T00:00:00Z'), to: null }], november).filter(Boolean),
    ).toHaveLength(0);
    expect(
      activeDays(
        [{ from: at('2026-10-01T00:00:00Z'), to: at('2026-10-31T23:59:59Z') }],
        november,
      ).filter(Boolean),
    ).toHaveLength(0);
  });

  it('should prorate users added and removed mid-month to the cent', () => {
    const always = { from: at('2026-01-01T00:00:00Z'), to: null };
    const line = prorateSite(
      [
        { id: 'whole-month', spans: [always] },
        { id: 'added-on-16th', spans: [{ from: at('2026-11-16T09:00:00Z'), to: null }] },
        {
          id: 'removed-on-10th',
          spans: [{ from: at('2026-09-01T00:00:00Z'), to: at('2026-11-10T12:00:00Z') }],
        },
        {
          id: 'left-in-october',
          spans: [{ from: at('2026-09-01T00:00:00Z'), to: at('2026-10-20T00:00:00Z') }],
        },
      ],
      [always],
      1700,
      november,
    )!;
    // 30 + 15 + 10 = 55 user-days of 30: 1700 × 55 / 30 = 3116.67 -> 3117
    expect(line).toMatchObject({ quantity: 3, unitAmount: 1700, amount: 3117 });
    expect(line.users).toEqual([
      { userId: 'whole-month', days: 30 },
      { userId: 'added-on-16th', days: 15 },
      { userId: 'removed-on-10th', days: 10 },
    ]);
  });

  it('should stop billing the day after a site is deactivated', () => {
    const line = prorateSite(
      [{ id: 'resident', spans: [{ from: at('2026-01-01T00:00:00Z'), to: null }] }],
      [
        { from: at('2026-01-01T00:00:00Z'), to: at('2026-11-10T15:00:00Z') },
        { from: at('2026-11-21T08:00:00Z'), to: null },
      ],
      150,
      november,
    )!;
    // days 1-10 and 21-30
    expect(line.users[0]?.days).toBe(20);
    expect(line.amount).toBe(100);
  });

  it('should produce no line when nobody is billed', () => {
    expect(
      prorateSite([], [{ from: at('2026-01-01T00:00:00Z'), to: null }], 150, november),
    ).toBeNull();
  });

  it('should round halves up in integers', () => {
    expect(roundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUp(4, 3)).toBe(1);
    expect(roundHalfUp(150 * 45, 30)).toBe(225);
  });
});

describe('VAT', () => {
  it('should reverse-charge a valid EU VAT number of another member state than the seller', () => {
    expect(vatTreatment('SE', true, 'NL')).toEqual({ rateBasisPoints: 0, reverseCharge: true });
  });

  it("should charge the country's rate at home, without a valid number, and outside the EU", () => {
    expect(vatTreatment('NL', true, 'NL')).toEqual({ rateBasisPoints: 2100, reverseCharge: false });
    expect(vatTreatment('SE', false, 'NL')).toEqual({
      rateBasisPoints: 2500,
      reverseCharge: false,
    });
    expect(vatTreatment('GB', true, 'NL')).toEqual({ rateBasisPoints: 2000, reverseCharge: false });
    expect(vatTreatment('US', false, 'NL')).toEqual({ rateBasisPoints: 0, reverseCharge: false });
  });

  it('should compute VAT to the cent, halves up', () => {
    expect(vatAmount(3117, 2500)).toBe(779); // 779.25
    expect(vatAmount(1002, 2550)).toBe(256); // 255.51
    expect(vatAmount(2, 2500)).toBe(1); // 0.5
  });
});
