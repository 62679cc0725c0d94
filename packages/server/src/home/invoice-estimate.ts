/**
 * The estimate of the next invoice, as pure arithmetic over dates. The rule is the contract's
 * (InvoiceLine): a user counts for every calendar day (UTC) on which they were active at any
 * moment, the day they were added and the day they were removed included, and only on days on
 * which their site was active (a deactivated site stops billing from the next day on);
 * amount = round(unitAmount × Σ days counted / days in the month). For the estimate, what is
 * still active is assumed to stay so until the end of the month.
 */

export interface ActiveInterval {
  readonly start: Date;
  /** null: still active */
  readonly end: Date | null;
}

export interface BillingMonth {
  /** 00:00 UTC of the first day */
  readonly start: Date;
  /** 00:00 UTC of the first day of the next month (exclusive) */
  readonly next: Date;
  readonly days: number;
  /** YYYY-MM-DD */
  readonly firstDay: string;
  readonly lastDay: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function billingMonthOf(now: Date): BillingMonth {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const start = new Date(Date.UTC(year, month, 1));
  const next = new Date(Date.UTC(year, month + 1, 1));
  const days = Math.round((next.getTime() - start.getTime()) / DAY_MS);
  const last = new Date(next.getTime() - DAY_MS);
  return {
    start,
    next,
    days,
    firstDay: start.toISOString().slice(0, 10),
    lastDay: last.toISOString().slice(0, 10),
  };
}

/** The days of the month (0-based) an interval touches, as [first, last], or null. */
function dayRange(interval: ActiveInterval, month: BillingMonth): [number, number] | null {
  const end = interval.end ?? new Date(month.next.getTime() - 1);
  if (interval.start >= month.next || end < month.start) return null;
  const first = Math.max(
    0,
    Math.floor((interval.start.getTime() - month.start.getTime()) / DAY_MS),
  );
  const last = Math.min(
    month.days - 1,
    Math.floor((end.getTime() - month.start.getTime()) / DAY_MS),
  );
  return first <= last ? [first, last] : null;
}

/** The days of the month on which any of the intervals was active, as a bitmap. */
export function activeDays(intervals: readonly ActiveInterval[], month: BillingMonth): boolean[] {
  const days = new Array<boolean>(month.days).fill(false);
  for (const interval of intervals) {
    const range = dayRange(interval, month);
    if (!range) continue;
    for (let day = range[0]; day <= range[1]; day++) days[day] = true;
  }
  return days;
}

/** Days counted for one user: active (at any moment) on the day, at a site active that day. */
export function daysCounted(
  user: ActiveInterval,
  siteDays: readonly boolean[],
  month: BillingMonth,
): number {
  const range = dayRange(user, month);
  if (!range) return 0;
  let count = 0;
  for (let day = range[0]; day <= range[1]; day++) if (siteDays[day]) count++;
  return count;
}

export interface EstimateInput {
  readonly month: BillingMonth;
  readonly unitAmount: number;
  readonly users: ReadonlyArray<ActiveInterval & { readonly siteId: string }>;
  /** the active periods of each site */
  readonly sitePeriods: ReadonlyMap<string, readonly ActiveInterval[]>;
}

export interface Estimate {
  /** users with at least one day counted */
  readonly billedUsers: number;
  readonly subtotal: number;
}

export function estimateSubtotal(input: EstimateInput): Estimate {
  const siteDays = new Map<string, boolean[]>();
  // whole days summed first, divided once: no floating-point drift across many users
  let userDays = 0;
  let billedUsers = 0;
  for (const user of input.users) {
    let days = siteDays.get(user.siteId);
    if (!days) {
      days = activeDays(input.sitePeriods.get(user.siteId) ?? [], input.month);
      siteDays.set(user.siteId, days);
    }
    const counted = daysCounted(user, days, input.month);
    if (counted > 0) {
      billedUsers++;
      userDays += counted;
    }
  }
  return { billedUsers, subtotal: Math.round((input.unitAmount * userDays) / input.month.days) };
}
