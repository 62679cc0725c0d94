import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { BillingAccountEntity } from './billing-account.entity';
import { InvoiceLineEntity } from './invoice-line.entity';
import { overdueSummaries, type OverdueSummary } from './overdue-summary';

/** Per-request batching for billing fields: one query per page of invoices or companies. */
export function createBillingLoaders(dataSource: DataSource) {
  return {
    accountByCompanyId: new DataLoader<string, BillingAccountEntity | null>(async (companyIds) => {
      const rows = await dataSource
        .getRepository(BillingAccountEntity)
        .findBy({ companyId: In([...companyIds]) });
      const byCompany = new Map(rows.map((row) => [row.companyId, row]));
      return companyIds.map((id) => byCompany.get(id) ?? null);
    }),
    overdueByCompanyId: new DataLoader<string, OverdueSummary | null>((companyIds) =>
      overdueSummaries(dataSource, companyIds, new Date()),
    ),
    linesByInvoiceId: new DataLoader<string, InvoiceLineEntity[]>(async (invoiceIds) => {
      const rows = await dataSource
        .getRepository(InvoiceLineEntity)
        .find({ where: { invoiceId: In([...invoiceIds]) }, order: { position: 'ASC' } });
      const byInvoice = new Map<string, InvoiceLineEntity[]>();
      for (const row of rows)
        byInvoice.set(row.invoiceId, [...(byInvoice.get(row.invoiceId) ?? []), row]);
      return invoiceIds.map((id) => byInvoice.get(id) ?? []);
    }),
  };
}
