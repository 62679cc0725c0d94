import type { BillingPeriod } from './billing-period';

/** A span of activity: from `from` until `to` (null = still going). */
export interface ActiveSpan {
  readonly from: Date;
  readonly to: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * The days of the period (0-based) on which the spans were active at any moment: the day a span
 * starts and the day it ends both count, as the contract's InvoiceLine documentation says.
 */
export function activeDays(spans: readonly ActiveSpan[], period: BillingPeriod): boolean[] {
  const days = new Array<boolean>(period.days).fill(false);
  for (const span of spans) {
    const from = Math.max(span.from.getTime(), period.start.getTime());
    const to = Math.min(span.to ? span.to.getTime() : Infinity, period.end.getTime() - 1);
    if (to < from) continue;
    const first = Math.floor((from - period.start.getTime()) / DAY_MS);
    const last = Math.floor((to - period.start.getTime()) / DAY_MS);
    for (let day = first; day <= last; day++) days[day] = true;
  }
  return days;
}

export interface ProratedUser {
  readonly userId: string;
  /** days billed: active at the site while the site itself was active */
  readonly days: number;
}

export interface ProratedLine {
  /** users with at least one day billed */
  readonly quantity: number;
  readonly unitAmount: number;
  /** round(unitAmount × Σ days / days in month), in minor units */
  readonly amount: number;
  readonly users: readonly ProratedUser[];
}

/**
 * One site's line: each user's days are the days they were active AND the site was active
 * (a site deactivated on the 10th is billed through the 10th). Null when nobody is billed.
 */
export function prorateSite(
  users: ReadonlyArray<{ id: string; spans: readonly ActiveSpan[] }>,
  siteSpans: readonly ActiveSpan[],
  unitAmount: number,
  period: BillingPeriod,
): ProratedLine | null {
  const siteDays = activeDays(siteSpans, period);
  const billed: ProratedUser[] = [];
  for (const user of users) {
    const userDays = activeDays(user.spans, period);
    const days = userDays.reduce(
      (count, active, day) => count + (active && siteDays[day] ? 1 : 0),
      0,
    );
    if (days > 0) billed.push({ userId: user.id, days });
  }
  if (billed.length === 0) return null;
  const totalDays = billed.reduce((sum, user) => sum + user.days, 0);
  return {
    quantity: billed.length,
    unitAmount,
    amount: roundHalfUp(unitAmount * totalDays, period.days),
    users: billed,
  };
}

/** numerator / denominator rounded half up, in integers (no floating-point cents). */
export function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
