import { numberFormat, dateTimeFormat } from '../../lib/intl-formats';
/** A date (or an ISO date-time) as the interface's language writes it, e.g. "23 November 2026". */
export function formatDate(value: string, locale: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}
