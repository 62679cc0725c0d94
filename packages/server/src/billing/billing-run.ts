import { In, type DataSource } from 'typeorm';
import { resolveLocale } from '@entry/shared';
import { CompanyEntity, CompanyStatus, PaymentMethodType } from '../companies/company.entity';
import { UserInputProblem } from '../common/user-errors';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transaction';
import { BillingAccountEntity } from './billing-account.entity';
import type { BillingDeps } from './billing-deps';
import type { BillingPeriod } from './billing-period';
import { draftInvoice } from './invoice-draft';
import { formatDate, formatMoney, formatPeriod, mailPaymentAdmins } from './invoice-mail';
import { ensureInvoiceYear, nextInvoiceNumber } from './invoice-numbering';
import { InvoiceLineUserEntity } from './invoice-line-user.entity';
import { InvoiceLineEntity } from './invoice-line.entity';
import { InvoiceEntity, InvoiceStatus } from './invoice.entity';
import { chargeInvoice } from './payments/invoice-payments';
import { pricePerUserMonth } from './pricing';
import { loadCompanyUsage } from './usage';
import { vatTreatment } from './vat';

/** Manual payers have this long to pay; automatic payers are charged at once. */
export const PAYMENT_TERM_DAYS = 14;
const COMPANY_BATCH = 200;
const INSERT_CHUNK = 500;

export interface BillingRunResult {
  /** invoices created by this run (0 when the period was billed already) */
  created: number;
  /** automatic payments attempted / failed by this run */
  charged: number;
  failed: number;
}

export interface BillingRunOptions {
  readonly now?: Date;
  /** after each company: how many are done of how many were waiting */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Another server billed this company for this period first: its invoice stands, ours rolls back. */
class AlreadyBilled extends Error {}

async function insertChunked<T extends object>(
  write: (rows: T[]) => Promise<unknown>,
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await write(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * Creates one company's invoice for the period, or null when there is nothing to bill or the
 * period is billed already. One transaction: the number, the invoice, its lines, the users per
 * line and the email commit together; the unique (company, period) index makes a second
 * invoice impossible, even from another server.
 */
export async function billCompany(
  deps: BillingDeps,
  company: CompanyEntity,
  period: BillingPeriod,
  now: Date,
): Promise<InvoiceEntity | null> {
  await ensureInvoiceYear(deps.dataSource, now.getUTCFullYear());
  try {
    return await inTransaction(deps.dataSource, async (manager) => {
      const usage = await loadCompanyUsage(manager, company.id, period);
      const account = await manager
        .getRepository(BillingAccountEntity)
        .findOneBy({ companyId: company.id });
      const vat = vatTreatment(
        company.country,
        account?.vatNumberValid ?? false,
        deps.config.seller.country,
      );
      const draft = draftInvoice(
        usage,
        period,
        pricePerUserMonth(company.currency, deps.config.prices),
        vat,
      );
      if (!draft) return null;

      const { sequence, number } = await nextInvoiceNumber(manager, now.getUTCFullYear());
      const automatic = company.paymentMethod === PaymentMethodType.AUTOMATIC;
      const invoices = manager.getRepository(InvoiceEntity);
      const invoice = invoices.create({
        companyId: company.id,
        number,
        year: now.getUTCFullYear(),
        sequence,
        period: period.period,
        periodStart: period.firstDay,
        periodEnd: period.lastDay,
        issuedAt: now,
        dueAt: automatic ? now : new Date(now.getTime() + PAYMENT_TERM_DAYS * 86_400_000),
        currency: company.currency,
        subtotal: draft.subtotal,
        tax: draft.tax,
        total: draft.total,
        taxRateBasisPoints: draft.vat.rateBasisPoints,
        reverseCharge: draft.vat.reverseCharge,
        status: InvoiceStatus.OPEN,
        paymentMethod: company.paymentMethod ?? PaymentMethodType.MANUAL,
        customerName: company.name,
        customerAddress: company.address,
        customerCountry: company.country,
        customerVatNumber: company.vatNumber,
        failedAttempts: 0,
        nextRetryAt: null,
        paidAt: null,
        createdAt: now,
        updatedAt: now,
      });
      try {
        await invoices.insert(invoice);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AlreadyBilled();
        throw error;
      }
      const lines = draft.lines.map((line, position) =>
        manager.getRepository(InvoiceLineEntity).create({
          invoiceId: invoice.id,
          position,
          description: line.description,
          siteId: line.siteId,
          quantity: line.quantity,
          unitAmount: line.unitAmount,
          amount: line.amount,
        }),
      );
      await insertChunked((rows) => manager.getRepository(InvoiceLineEntity).insert(rows), lines);
      const lineUsers = draft.lines.flatMap((line, index) =>
        line.users.map((user) => ({
          invoiceLineId: lines[index]!.id,
          entryUserId: user.userId,
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          apartment: user.apartment,
          days: user.days,
        })),
      );
      await insertChunked(
        (rows) => manager.getRepository(InvoiceLineUserEntity).insert(rows),
        lineUsers,
      );
      await mailPaymentAdmins(
        manager,
        invoice,
        'invoice-issued',
        (locale, person, invoiceUrl) => ({
          firstName: person.firstName,
          companyName: company.name,
          invoiceNumber: number,
          periodLabel: formatPeriod(period.firstDay, resolveLocale(locale)),
          total: formatMoney(invoice.total, invoice.currency, locale),
          dueDate: formatDate(invoice.dueAt, locale),
          automatic,
          invoiceUrl,
        }),
        deps.config.publicUrl,
      );
      // read back: MariaDB's driver hands inserted defaults back raw (0/1 for booleans)
      return invoices.findOneByOrFail({ id: invoice.id });
    });
  } catch (error) {
    if (error instanceof AlreadyBilled) return null;
    throw error;
  }
}

/** Companies with billing set up and no invoice for the period yet, by id from `after`. */
async function companiesToBill(
  dataSource: DataSource,
  period: BillingPeriod,
  after: string | null,
): Promise<CompanyEntity[]> {
  const query = dataSource
    .getRepository(CompanyEntity)
    .createQueryBuilder('company')
    .where('company.billingSetupComplete = :yes', { yes: true })
    .andWhere('company.status IN (:...statuses)', {
      statuses: [CompanyStatus.APPROVED, CompanyStatus.SUSPENDED],
    })
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM invoice billed WHERE billed.companyId = company.id AND billed.period = :period)',
      { period: period.period },
    )
    .orderBy('company.id', 'ASC')
    .limit(COMPANY_BATCH);
  if (after) query.andWhere('company.id > :after', { after });
  return query.getMany();
}

/**
 * Bills every company for a period and charges the automatic payers. Idempotent and safe with
 * several servers at once: each company is billed once (a unique constraint), numbers stay
 * gap-free, and a charge is keyed per invoice and attempt.
 */
export async function runBilling(
  deps: BillingDeps,
  period: BillingPeriod,
  options: BillingRunOptions = {},
): Promise<BillingRunResult> {
  const now = options.now ?? new Date();
  const result: BillingRunResult = { created: 0, charged: 0, failed: 0 };
  const total = await deps.dataSource.getRepository(CompanyEntity).count({
    where: {
      billingSetupComplete: true,
      status: In([CompanyStatus.APPROVED, CompanyStatus.SUSPENDED]),
    },
  });
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const companies = await companiesToBill(deps.dataSource, period, after);
    if (companies.length === 0) break;
    for (const company of companies) {
      const invoice = await billCompany(deps, company, period, now);
      if (invoice) {
        result.created += 1;
        if (invoice.paymentMethod === PaymentMethodType.AUTOMATIC) {
          result.charged += 1;
          const charged = await chargeAutomatically(deps, invoice.id, now);
          if (charged?.status !== InvoiceStatus.PAID) result.failed += 1;
        }
      }
      done += 1;
      options.onProgress?.(done, Math.max(total, done));
    }
    after = companies[companies.length - 1]!.id;
  }
  deps.logger.info(
    `billing ${period.period}: ${result.created} invoice(s), ${result.charged} charge(s), ${result.failed} failed`,
  );
  return result;
}

/** A charge made by the system, not a person: a problem is logged and retried later, never thrown. */
export async function chargeAutomatically(
  deps: BillingDeps,
  invoiceId: string,
  now: Date,
): Promise<InvoiceEntity | null> {
  try {
    return await chargeInvoice(deps, invoiceId, 'AUTOMATIC', null, null, now);
  } catch (error) {
    if (!(error instanceof UserInputProblem))
      deps.logger.error('automatic charge failed', { invoiceId, error });
    return null;
  }
}

/** Whether any company still waits for its invoice of the period (the scheduler's cheap check). */
export async function periodPending(
  dataSource: DataSource,
  period: BillingPeriod,
): Promise<boolean> {
  return (await companiesToBill(dataSource, period, null)).length > 0;
}
