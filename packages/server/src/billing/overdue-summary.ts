import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { InvoiceEntity, InvoiceStatus } from './invoice.entity';

// Apart from overdue.ts (the steps, which email): the per-request loaders read this, and must
// not reach the mail module through it.

const DAY_MS = 86_400_000;

/** Unpaid this many days after its due date, an invoice suspends its company. */
export const SUSPEND_AFTER_DAYS = 14;

/** Invoices still to be paid. */
export const UNPAID = [InvoiceStatus.OPEN, InvoiceStatus.PAYMENT_FAILED];

export const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** What the Home banner says to payment admins: what is unpaid past its due date. */
export interface OverdueSummary {
  readonly invoiceCount: number;
  readonly total: number;
  readonly currency: string;
  /** the due date of the oldest overdue invoice */
  readonly oldestDueAt: Date;
  /** when that invoice suspends the company (already past once suspended) */
  readonly suspendsAt: Date;
  /** the oldest overdue invoice: the banner links to it */
  readonly oldestInvoiceId: string;
}

/** The overdue summary of each company (null: nothing overdue), in one query. */
export async function overdueSummaries(
  dataSource: DataSource,
  companyIds: readonly string[],
  now: Date,
): Promise<Array<OverdueSummary | null>> {
  const invoices = await dataSource.getRepository(InvoiceEntity).find({
    select: { id: true, companyId: true, total: true, currency: true, dueAt: true },
    where: { companyId: In([...companyIds]), status: In(UNPAID), dueAt: LessThanOrEqual(now) },
    order: { dueAt: 'ASC', id: 'ASC' },
  });
  return companyIds.map((companyId) => {
    const mine = invoices.filter((invoice) => invoice.companyId === companyId);
    const oldest = mine[0];
    if (!oldest) return null;
    return {
      invoiceCount: mine.length,
      total: mine.reduce((sum, invoice) => sum + invoice.total, 0),
      currency: oldest.currency,
      oldestDueAt: oldest.dueAt,
      suspendsAt: daysAfter(oldest.dueAt, SUSPEND_AFTER_DAYS),
      oldestInvoiceId: oldest.id,
    };
  });
}
