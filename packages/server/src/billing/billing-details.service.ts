import type { DataSource } from 'typeorm';
import {
  normalizeBillingDetails,
  resolveLocale,
  validateBillingDetails,
  type BillingDetailsInput,
  type Locale,
} from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { PersonViewer } from '../auth/viewer';
import { CompanyEntity } from '../companies/company.entity';
import { UserInputProblem } from '../common/user-errors';
import { inTransaction } from '../database/transaction';
import { BillingAccountEntity } from './billing-account.entity';
import { billingAccountOf } from './billing-setup.service';

/** The billing details as the API shows them: no addresses is an empty list. */
export interface BillingDetails {
  readonly billingEmails: string[];
  readonly billingEmailsLocale: Locale;
  readonly purchaseOrderNumber: string | null;
}

export function billingDetailsOf(account: BillingAccountEntity | null): BillingDetails {
  return {
    billingEmails: account?.billingEmails ?? [],
    billingEmailsLocale: resolveLocale(account?.billingEmailsLocale),
    purchaseOrderNumber: account?.purchaseOrderNumber ?? null,
  };
}

const listed = (emails: readonly string[]) => (emails.length ? emails.join(', ') : null);

/**
 * Replaces the company's billing emails and purchase order number (payment admins). Invoices
 * issued before keep theirs: billing copies them onto each invoice when it is issued. The
 * emails' language is the one given, else the one chosen before, else the language of the
 * person saving (they typed the addresses: theirs is the best guess at the team behind them).
 */
export async function updateBillingDetails(
  dataSource: DataSource,
  viewer: PersonViewer,
  raw: BillingDetailsInput,
  actor: AuditActor,
  now = new Date(),
): Promise<CompanyEntity> {
  const input = normalizeBillingDetails(raw);
  const problems = validateBillingDetails(input);
  if (problems.length) throw new UserInputProblem(problems);
  const companyId = viewer.company.id;
  return inTransaction(dataSource, async (manager) => {
    const account = await billingAccountOf(manager, companyId, now);
    const before = billingDetailsOf(account);
    const locale = resolveLocale(
      input.locale ?? account.billingEmailsLocale ?? viewer.person.locale,
    );
    await manager.getRepository(BillingAccountEntity).update(
      { companyId },
      {
        billingEmails: input.billingEmails.length ? input.billingEmails : null,
        billingEmailsLocale: locale,
        purchaseOrderNumber: input.purchaseOrderNumber,
        updatedAt: now,
      },
    );
    await recordAudit(
      manager,
      actor,
      {
        companyId,
        kind: 'billing.details_updated',
        subjectType: 'company',
        subjectId: companyId,
        before: {
          billingEmails: listed(before.billingEmails),
          billingEmailsLocale: before.billingEmailsLocale,
          purchaseOrderNumber: before.purchaseOrderNumber,
        },
        after: {
          billingEmails: listed(input.billingEmails),
          billingEmailsLocale: locale,
          purchaseOrderNumber: input.purchaseOrderNumber,
        },
      },
      now,
    );
    return manager.getRepository(CompanyEntity).findOneByOrFail({ id: companyId });
  });
}
