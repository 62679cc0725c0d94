import type { DataSource } from 'typeorm';
import type { Locale } from '@entry/shared';
import { applyKeyset, pageSize, toConnection, type Connection } from '../common/connection';
import { InvoiceEntity, type InvoiceStatus } from './invoice.entity';

/** A company's invoices, newest first, optionally of one status. */
export async function listInvoices(
  dataSource: DataSource,
  companyId: string,
  filter: { first?: number | null; after?: string | null; status?: InvoiceStatus | null },
  locale: Locale,
): Promise<Connection<InvoiceEntity>> {
  const size = pageSize(filter.first);
  const filtered = () => {
    const query = dataSource
      .getRepository(InvoiceEntity)
      .createQueryBuilder('invoice')
      .where('invoice.companyId = :companyId', { companyId });
    if (filter.status) query.andWhere('invoice.status = :status', { status: filter.status });
    return query;
  };
  const [totalCount, rows] = await Promise.all([
    filtered().getCount(),
    applyKeyset(filtered(), 'invoice.issuedAt', 'invoice.id', filter.after, size, locale, {
      direction: 'DESC',
      sortKey: 'datetime',
    }).getMany(),
  ]);
  return toConnection(
    rows,
    size,
    (invoice) => [invoice.issuedAt.toISOString(), invoice.id],
    totalCount,
  );
}
