/** A calendar month billed, in UTC: the invoice's period. */
export interface BillingPeriod {
  /** YYYY-MM */
  readonly period: string;
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** first instant of the month (UTC) */
  readonly start: Date;
  /** first instant of the next month (UTC): the period is [start, end) */
  readonly end: Date;
  readonly days: number;
  /** YYYY-MM-DD */
  readonly firstDay: string;
  readonly lastDay: string;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(period: string): BillingPeriod | null {
  const match = PERIOD.exec(period);
  if (!match) return null;
  return periodOf(Number(match[1]), Number(match[2]));
}

export function periodOf(year: number, month: number): BillingPeriod {
  const start = new Date(Date.UTC(year, month - 1, 1));
  const end = new Date(Date.UTC(year, month, 1));
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  const lastDay = new Date(end.getTime() - 86_400_000);
  return {
    period: `${year}-${String(month).padStart(2, '0')}`,
    year,
    month,
    start,
    end,
    days,
    firstDay: start.toISOString().slice(0, 10),
    lastDay: lastDay.toISOString().slice(0, 10),
  };
}

/** The month before the one `now` falls in: what the run on the 1st bills. */
export function previousPeriod(now: Date): BillingPeriod {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return month === 1 ? periodOf(year - 1, 12) : periodOf(year, month - 1);
}
