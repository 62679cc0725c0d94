import { dateTimeFormat } from '../../lib/intl-formats';

/** A YYYY-MM-DD day as a Date at UTC midnight (the API's days have no time zone). */
function day(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/**
 * A billing period as the interface's language writes a range of days, e.g. "1–30 November 2026"
 * in English, "1–30 november 2026" in Dutch, "1–30 novembre 2026" in French.
 */
export function formatPeriod(start: string, end: string, locale: string): string {
  const from = day(start);
  const to = day(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start} – ${end}`;
  const format = dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(from, to);
}
