import { In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import { CompanyEntity, CompanyStatus } from '../companies/company.entity';
import { sqlDateTime } from '../database/sql-values';
import { inTransaction } from '../database/transaction';
import { mailLinks } from '../mail';
import type { BillingDeps } from './billing-deps';
import { mailBillingRecipients } from './billing-recipients';
import { formatDate, formatMoney } from './invoice-mail';
import { InvoiceEntity } from './invoice.entity';
import { daysAfter, SUSPEND_AFTER_DAYS, UNPAID } from './overdue-summary';

/** Days after the due date a reminder goes out: the due date itself, then a week later. */
export const REMINDER_AFTER_DAYS = [0, 7] as const;

/** The scheduler, not a person: the audit log shows these changes without an actor. */
const SCHEDULE = { viewer: null, ip: null } as const;

const daysBefore = (date: Date, days: number) => daysAfter(date, -days);

/** The invoices of a company that are unpaid at or past their due date, oldest due first. */
export function overdueInvoices(
  manager: EntityManager,
  companyId: string,
  now: Date,
): Promise<InvoiceEntity[]> {
  return manager.getRepository(InvoiceEntity).find({
    where: { companyId, status: In(UNPAID), dueAt: LessThanOrEqual(now) },
    order: { dueAt: 'ASC', id: 'ASC' },
  });
}

export interface OverdueSteps {
  reminded: number;
  suspended: number;
  restored: number;
}

/**
 * One pass of the overdue path, for every company: the reminders due (the due date, 7 days
 * after), the suspensions due (14 days after), and the restoration of a suspended company with
 * nothing overdue any more (paying restores at once: this catches what changed otherwise, e.g.
 * an invoice voided by an operator). Each step is claimed by a conditional UPDATE in the
 * transaction that writes its emails and audit event, so it happens once however many server
 * processes run the pass, and a pass after a restart catches up: a step is due from its day on,
 * not only on it.
 */
export async function runOverdueSteps(deps: BillingDeps, now: Date): Promise<OverdueSteps> {
  return {
    reminded: await sendDueReminders(deps, now),
    suspended: await suspendOverdueCompanies(deps, now),
    restored: await restoreSettledCompanies(deps, now),
  };
}

/** Which reminder an unpaid invoice is due for at `now`: 2 from 7 days after its due date. */
function reminderDue(invoice: InvoiceEntity, now: Date): number {
  return REMINDER_AFTER_DAYS.filter((days) => daysAfter(invoice.dueAt, days) <= now).length;
}

async function sendDueReminders(deps: BillingDeps, now: Date): Promise<number> {
  const invoices = await deps.dataSource.getRepository(InvoiceEntity).find({
    where: [
      { status: In(UNPAID), remindersSent: 0, dueAt: LessThanOrEqual(now) },
      {
        status: In(UNPAID),
        remindersSent: 1,
        dueAt: LessThanOrEqual(daysBefore(now, REMINDER_AFTER_DAYS[1])),
      },
    ],
    order: { dueAt: 'ASC', id: 'ASC' },
    take: 500,
  });
  let sent = 0;
  for (const invoice of invoices) if (await remind(deps, invoice, now)) sent += 1;
  return sent;
}

/**
 * The reminder an invoice is due for, once: a server back after a week away sends the second
 * only (the first would say "due today" of a day long past).
 */
async function remind(deps: BillingDeps, invoice: InvoiceEntity, now: Date): Promise<boolean> {
  const reminder = reminderDue(invoice, now);
  return inTransaction(deps.dataSource, async (manager) => {
    const { affected } = await manager
      .getRepository(InvoiceEntity)
      .update(
        { id: invoice.id, status: In(UNPAID), remindersSent: invoice.remindersSent },
        { remindersSent: reminder, updatedAt: now },
      );
    if (!affected) return false;
    await mailBillingRecipients(manager, invoice.companyId, 'invoice-reminder', (locale, to) => ({
      firstName: to.firstName,
      stage: reminder === 1 ? 'due' : 'overdue',
      invoiceNumber: invoice.number,
      total: formatMoney(invoice.total, invoice.currency, locale),
      dueDate: formatDate(invoice.dueAt, locale),
      suspensionDate: formatDate(daysAfter(invoice.dueAt, SUSPEND_AFTER_DAYS), locale),
      purchaseOrderNumber: invoice.purchaseOrderNumber,
      invoiceUrl: mailLinks(deps.config.publicUrl).invoice(invoice.id),
    }));
    await recordAudit(
      manager,
      SCHEDULE,
      {
        companyId: invoice.companyId,
        kind: 'invoice.reminder_sent',
        subjectType: 'invoice',
        subjectId: invoice.id,
        after: { invoice: invoice.number, reminder },
      },
      now,
    );
    return true;
  });
}

async function suspendOverdueCompanies(deps: BillingDeps, now: Date): Promise<number> {
  const rows = await deps.dataSource
    .getRepository(InvoiceEntity)
    .createQueryBuilder('invoice')
    .select('DISTINCT invoice.companyId', 'companyId')
    .innerJoin(CompanyEntity, 'company', 'company.id = invoice.companyId')
    .where('invoice.status IN (:...unpaid)', { unpaid: UNPAID })
    .andWhere('invoice.dueAt <= :limit', {
      limit: sqlDateTime(deps.dataSource, daysBefore(now, SUSPEND_AFTER_DAYS)),
    })
    .andWhere('company.status = :approved', { approved: CompanyStatus.APPROVED })
    .limit(500)
    .getRawMany<{ companyId: string }>();
  let suspended = 0;
  for (const { companyId } of rows) if (await suspend(deps, companyId, now)) suspended += 1;
  return suspended;
}

async function suspend(deps: BillingDeps, companyId: string, now: Date): Promise<boolean> {
  return inTransaction(deps.dataSource, async (manager) => {
    const companies = manager.getRepository(CompanyEntity);
    const { affected } = await companies.update(
      { id: companyId, status: CompanyStatus.APPROVED },
      { status: CompanyStatus.SUSPENDED, updatedAt: now },
    );
    if (!affected) return false;
    const company = await companies.findOneByOrFail({ id: companyId });
    const overdue = await overdueInvoices(manager, companyId, now);
    const total = overdue.reduce((sum, invoice) => sum + invoice.total, 0);
    await mailBillingRecipients(manager, companyId, 'account-suspended', (locale, to) => ({
      firstName: to.firstName,
      companyName: company.name,
      invoiceNumbers: overdue.map((invoice) => invoice.number).join(', '),
      total: formatMoney(total, company.currency, locale),
      paymentUrl: mailLinks(deps.config.publicUrl).payment,
    }));
    await recordAudit(
      manager,
      SCHEDULE,
      {
        companyId,
        kind: 'company.suspended',
        subjectType: 'company',
        subjectId: companyId,
        before: { status: CompanyStatus.APPROVED },
        after: {
          status: CompanyStatus.SUSPENDED,
          invoices: overdue.map((invoice) => invoice.number).join(', '),
        },
      },
      now,
    );
    return true;
  });
}

async function restoreSettledCompanies(deps: BillingDeps, now: Date): Promise<number> {
  const rows = await deps.dataSource
    .getRepository(CompanyEntity)
    .createQueryBuilder('company')
    .select('company.id', 'id')
    .where('company.status = :suspended', { suspended: CompanyStatus.SUSPENDED })
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM invoice overdue WHERE overdue.companyId = company.id AND overdue.status IN (:...unpaid) AND overdue.dueAt <= :now)',
      { unpaid: UNPAID, now: sqlDateTime(deps.dataSource, now) },
    )
    .limit(500)
    .getRawMany<{ id: string }>();
  let restored = 0;
  for (const { id } of rows) {
    const done = await inTransaction(deps.dataSource, (manager) =>
      restoreIfNothingOverdue(manager, id, now, deps.config.publicUrl),
    );
    if (done) restored += 1;
  }
  return restored;
}

/**
 * A suspended company with no invoice overdue any more is APPROVED again, with its email and
 * audit event, in the caller's transaction: the payment that settles the last overdue invoice
 * (by card in the portal, or the provider's webhook of a retry that succeeded) restores it at
 * once. `publicUrl` null: no email (the callers without a config, i.e. some tests). Returns
 * whether it restored the company.
 */
export async function restoreIfNothingOverdue(
  manager: EntityManager,
  companyId: string,
  now: Date,
  publicUrl: string | null,
): Promise<boolean> {
  const overdue = await manager.getRepository(InvoiceEntity).count({
    where: { companyId, status: In(UNPAID), dueAt: LessThanOrEqual(now) },
  });
  if (overdue > 0) return false;
  const companies = manager.getRepository(CompanyEntity);
  const { affected } = await companies.update(
    { id: companyId, status: CompanyStatus.SUSPENDED },
    { status: CompanyStatus.APPROVED, updatedAt: now },
  );
  if (!affected) return false;
  if (publicUrl) {
    const company = await companies.findOneByOrFail({ id: companyId });
    await mailBillingRecipients(manager, companyId, 'account-restored', (_locale, to) => ({
      firstName: to.firstName,
      companyName: company.name,
      portalUrl: mailLinks(publicUrl).home,
    }));
  }
  await recordAudit(
    manager,
    SCHEDULE,
    {
      companyId,
      kind: 'company.restored',
      subjectType: 'company',
      subjectId: companyId,
      before: { status: CompanyStatus.SUSPENDED },
      after: { status: CompanyStatus.APPROVED },
    },
    now,
  );
  return true;
}
