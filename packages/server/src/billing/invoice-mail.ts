import type { EntityManager } from 'typeorm';
import type { Locale } from '@entry/shared';
import { PersonEntity, PersonStatus } from '../people/person.entity';

/**
 * Intl formatters by their options: building one costs far more than using it, and a billing
 * run formats the same few (locale, currency) pairs for every company.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, currency: string): Intl.NumberFormat {
  const key = `number ${locale} ${currency}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, style: 'date' | 'month'): Intl.DateTimeFormat {
  const key = `${style} ${locale}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'date'
        ? { dateStyle: 'long', timeZone: 'UTC' }
        : { month: 'long', year: 'numeric', timeZone: 'UTC' },
    );
    formatters.set(key, format);
  }
  return format;
}

/** An amount in minor units, written as people of that language write money. */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const format = numberFormat(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

export function formatDate(date: Date, locale: Locale): string {
  return dateFormat(locale, 'date').format(date);
}

export function formatPeriod(periodStart: string, locale: Locale): string {
  return dateFormat(locale, 'month').format(new Date(`${periodStart}T00:00:00Z`));
}

/** The company's active payment admins (billing emails go to them and to billing-recipients.ts's addresses). */
export async function paymentAdmins(
  manager: EntityManager,
  companyId: string,
): Promise<PersonEntity[]> {
  return manager
    .getRepository(PersonEntity)
    .find({ where: { companyId, accessLevel: 'PAYMENT_ADMIN', status: PersonStatus.ACTIVE } });
}
