import type { EntityManager } from 'typeorm';
import { resolveLocale, type Locale } from '@entry/shared';
import { enqueueMail, type MailMessage, type MailTemplateData } from '../mail';
import { BillingAccountEntity } from './billing-account.entity';
import { paymentAdmins } from './invoice-mail';

/** Someone a billing email goes to: a payment admin (by name) or a billing address (no name). */
export interface BillingRecipient {
  readonly email: string;
  readonly locale: Locale;
  /** null for a billing address: the email greets without a name */
  readonly firstName: string | null;
}

/**
 * Who receives the company's billing emails (invoice issued, payment failed, reminders,
 * suspension and restoration): its active payment admins, each in their language, then its
 * billing addresses in the language chosen for them. An address that is also a payment admin's
 * gets the email once, as that person. `account`: the billing account when read already.
 */
export async function billingRecipients(
  manager: EntityManager,
  companyId: string,
  account?: BillingAccountEntity | null,
): Promise<BillingRecipient[]> {
  const admins = await paymentAdmins(manager, companyId);
  const billing =
    account === undefined
      ? await manager.getRepository(BillingAccountEntity).findOneBy({ companyId })
      : account;
  const recipients: BillingRecipient[] = admins.map((person) => ({
    email: person.email,
    locale: resolveLocale(person.locale),
    firstName: person.firstName,
  }));
  const taken = new Set(recipients.map((recipient) => recipient.email));
  const locale = resolveLocale(billing?.billingEmailsLocale);
  for (const email of billing?.billingEmails ?? []) {
    if (taken.has(email)) continue;
    taken.add(email);
    recipients.push({ email, locale, firstName: null });
  }
  return recipients;
}

/** The templates sent to a company's billing recipients. */
export type BillingTemplate =
  | 'invoice-issued'
  | 'payment-failed'
  | 'invoice-reminder'
  | 'account-suspended'
  | 'account-restored';

/**
 * Emails every billing recipient of the company, each in their own language, in the caller's
 * transaction. `recipients`: read earlier in the same transaction (billing reads them before it
 * locks the invoice counter, to keep the lock short).
 */
export async function mailBillingRecipients<T extends BillingTemplate>(
  manager: EntityManager,
  companyId: string,
  template: T,
  data: (locale: Locale, recipient: BillingRecipient) => MailTemplateData[T],
  recipients?: readonly BillingRecipient[],
): Promise<void> {
  for (const recipient of recipients ?? (await billingRecipients(manager, companyId))) {
    // TypeScript cannot narrow the template union through the generic T; the signature above
    // already ties `data` to `template`.
    const message = {
      template,
      to: recipient.email,
      locale: recipient.locale,
      data: data(recipient.locale, recipient),
    } as MailMessage;
    // Written at the real time, not the billing clock: the worker sends what is due now.
    await enqueueMail(manager, message);
  }
}
