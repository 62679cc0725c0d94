import type { EntityManager } from 'typeorm';
import { resolveLocale, type Locale } from '@entry/shared';
import { enqueueMail, mailLinks, type MailMessage, type MailTemplateData } from '../mail';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import type { InvoiceEntity } from './invoice.entity';

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

/** The people who receive billing emails: the company's active payment admins. */
export async function paymentAdmins(
  manager: EntityManager,
  companyId: string,
): Promise<PersonEntity[]> {
  return manager
    .getRepository(PersonEntity)
    .find({ where: { companyId, accessLevel: 'PAYMENT_ADMIN', status: PersonStatus.ACTIVE } });
}

/**
 * Emails every payment admin of the invoice's company, each in their own language. `admins`:
 * the payment admins read earlier in the same transaction (billing reads them before it locks
 * the invoice counter, to keep the lock short).
 */
export async function mailPaymentAdmins<T extends 'invoice-issued' | 'payment-failed'>(
  manager: EntityManager,
  invoice: InvoiceEntity,
  template: T,
  data: (locale: Locale, person: PersonEntity, invoiceUrl: string) => MailTemplateData[T],
  publicUrl: string,
  admins?: readonly PersonEntity[],
): Promise<void> {
  const invoiceUrl = mailLinks(publicUrl).invoice(invoice.id);
  for (const person of admins ?? (await paymentAdmins(manager, invoice.companyId))) {
    const locale = resolveLocale(person.locale);
    // TypeScript cannot narrow the template union through the generic T; the signature above
    // already ties `data` to `template`.
    const message = {
      template,
      to: person.email,
      locale,
      data: data(locale, person, invoiceUrl),
    } as MailMessage;
    // Written at the real time, not the billing clock: the worker sends what is due now.
    await enqueueMail(manager, message);
  }
}
