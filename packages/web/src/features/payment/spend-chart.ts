import { formatMoney } from '../../lib/money';
import { formatMonth } from './format';

export interface SpendInvoice {
  id: string;
  periodStart: string;
  total: number;
  currency: string;
}

/** The chart's months: the newest `count` invoices, oldest first (left to right). */
export function chartInvoices<T extends SpendInvoice>(newestFirst: readonly T[], count = 12): T[] {
  return newestFirst.slice(0, count).reverse();
}

/** A round top for the scale, so the grid lines fall on readable amounts: 1, 2, 2.5, 5 × 10^n. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}

export interface Bar {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartSize {
  width: number;
  height: number;
  /** room on the left for the scale and at the bottom for the months */
  left: number;
  bottom: number;
  top: number;
}

/** Where each bar goes in an SVG of `size`, scaled to `maximum`. */
export function barLayout(
  values: readonly { id: string; total: number }[],
  size: ChartSize,
  maximum: number,
): Bar[] {
  const plotWidth = size.width - size.left;
  const plotHeight = size.height - size.bottom - size.top;
  const slot = values.length > 0 ? plotWidth / values.length : plotWidth;
  const width = Math.max(4, Math.min(48, slot * 0.6));
  return values.map((value, index) => {
    const height = maximum > 0 ? Math.max(0, (value.total / maximum) * plotHeight) : 0;
    return {
      id: value.id,
      x: size.left + slot * index + (slot - width) / 2,
      y: size.top + plotHeight - height,
      width,
      height,
    };
  });
}

export interface SpendSummary {
  count: number;
  from: string;
  to: string;
  highest: { month: string; amount: string };
  latest: { month: string; amount: string };
  total: string;
}

/**
 * What the chart shows, in words: its text alternative. Null without invoices. Amounts in the
 * first invoice's currency (a company is invoiced in one).
 */
export function spendSummary(
  oldestFirst: readonly SpendInvoice[],
  locale: string,
): SpendSummary | null {
  const first = oldestFirst[0];
  const last = oldestFirst[oldestFirst.length - 1];
  if (!first || !last) return null;
  const money = (amount: number) => formatMoney(amount, first.currency, locale);
  const highest = oldestFirst.reduce((top, invoice) => (invoice.total > top.total ? invoice : top));
  return {
    count: oldestFirst.length,
    from: formatMonth(first.periodStart, locale),
    to: formatMonth(last.periodStart, locale),
    highest: { month: formatMonth(highest.periodStart, locale), amount: money(highest.total) },
    latest: { month: formatMonth(last.periodStart, locale), amount: money(last.total) },
    total: money(oldestFirst.reduce((sum, invoice) => sum + invoice.total, 0)),
  };
}
