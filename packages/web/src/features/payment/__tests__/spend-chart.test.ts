import { describe, expect, it } from 'vitest';
import { barLayout, chartInvoices, niceMaximum, spendSummary } from '../spend-chart';

const plain = (text: string) => text.replace(/\s/g, ' ');

function invoice(month: number, total: number) {
  const mm = String(month).padStart(2, '0');
  return { id: `inv-${mm}`, periodStart: `2026-${mm}-01`, total, currency: 'EUR' };
}

describe('chartInvoices', () => {
  it('should take the newest twelve and put them oldest first when there are more', () => {
    const newestFirst = Array.from({ length: 14 }, (_, index) => invoice(14 - index, 100));
    const points = chartInvoices(newestFirst.map((point, i) => ({ ...point, id: `i${i}` })));
    expect(points).toHaveLength(12);
    expect(points[0]!.id).toBe('i11');
    expect(points[11]!.id).toBe('i0');
  });
});

describe('niceMaximum', () => {
  it.each([
    [0, 1],
    [740, 1000],
    [1500, 2000],
    [2300, 2500],
    [4200, 5000],
    [12345, 20000],
  ])('should round %i up to %i for the scale', (value, expected) => {
    expect(niceMaximum(value)).toBe(expected);
  });
});

describe('barLayout', () => {
  it('should scale bars to the maximum and stand them on the axis', () => {
    const size = { width: 300, height: 130, left: 0, bottom: 20, top: 10 };
    const bars = barLayout([invoice(1, 500), invoice(2, 1000)], size, 1000);
    expect(bars.map((bar) => bar.height)).toEqual([50, 100]);
    for (const bar of bars) expect(bar.y + bar.height).toBe(110);
    expect(bars[1]!.x).toBeGreaterThan(bars[0]!.x);
  });
});

describe('spendSummary', () => {
  it('should say the range, the total, the highest and the latest month in the language', () => {
    const summary = spendSummary([invoice(9, 1200), invoice(10, 3450), invoice(11, 2000)], 'fr');
    expect(summary && { ...summary, total: plain(summary.total) }).toEqual({
      count: 3,
      from: 'septembre 2026',
      to: 'novembre 2026',
      highest: { month: 'octobre 2026', amount: expect.stringMatching(/^34,50/) },
      latest: { month: 'novembre 2026', amount: expect.stringMatching(/^20,00/) },
      total: '66,50 €',
    });
  });

  it('should have nothing to say when there are no invoices', () => {
    expect(spendSummary([], 'en')).toBeNull();
  });
});
