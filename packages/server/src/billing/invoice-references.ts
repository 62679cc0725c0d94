import { IsNull, Not, type EntityManager } from 'typeorm';
import { SiteEntity } from '../sites/site.entity';
import type { BillingAccountEntity } from './billing-account.entity';
import type { InvoiceEntity } from './invoice.entity';

/** What an invoice copies from the company when it is issued, so later changes leave it be. */
export interface InvoiceReferences {
  readonly invoice: Pick<InvoiceEntity, 'purchaseOrderNumber' | 'billingEmails'>;
  /** the cost centre of a site as the invoice records it on the site's line */
  costCenterOf(siteId: string | null): string | null;
}

/**
 * The purchase order number and billing emails of the company's billing account, and the cost
 * centre of each of its sites that has one (one query, whatever the number of sites).
 */
export async function invoiceReferences(
  manager: EntityManager,
  companyId: string,
  account: BillingAccountEntity | null,
): Promise<InvoiceReferences> {
  const sites = await manager.getRepository(SiteEntity).find({
    select: { id: true, costCenter: true },
    where: { companyId, costCenter: Not(IsNull()) },
  });
  const costCenters = new Map(sites.map((site) => [site.id, site.costCenter]));
  const emails = account?.billingEmails ?? [];
  return {
    invoice: {
      purchaseOrderNumber: account?.purchaseOrderNumber ?? null,
      billingEmails: emails.length ? emails : null,
    },
    costCenterOf: (siteId) => (siteId ? (costCenters.get(siteId) ?? null) : null),
  };
}

/** The distinct cost centres of an invoice's lines, for the email's one line of them. */
export function costCentersOf(lines: ReadonlyArray<{ costCenter: string | null }>): string | null {
  const distinct = [...new Set(lines.map((line) => line.costCenter).filter((value) => !!value))];
  return distinct.length ? distinct.join(', ') : null;
}
