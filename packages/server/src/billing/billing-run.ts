import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { resolveLocale, WebhookEventType } from '@entry/shared';
import { CompanyEntity, CompanyStatus, PaymentMethodType } from '../companies/company.entity';
import { UserInputProblem } from '../common/user-errors';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transaction';
import { mailLinks } from '../mail';
import { openCompanyOutbox } from '../webhooks/webhook-outbox';
import { invoiceEvent } from '../webhooks/webhook-payloads';
import { BillingAccountEntity } from './billing-account.entity';
import type { BillingDeps } from './billing-deps';
import type { BillingPeriod } from './billing-period';
import { billingRecipients, mailBillingRecipients } from './billing-recipients';
import { draftInvoice } from './invoice-draft';
import { insertRows } from './bulk-insert';
import { forEachConcurrently } from './concurrency';
import { formatDate, formatMoney, formatPeriod } from './invoice-mail';
import { costCentersOf, invoiceReferences } from './invoice-references';
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
const CHARGE_BATCH = 200;
/**
 * Companies billed at once on MariaDB. Each transaction reads its usage and writes its rows on its
 * own pooled connection while another holds the invoice counter: the counter's lock (gap-free
 * numbers) serializes only the writing part. More than a few only wait on that lock.
 */
export const DEFAULT_BILLING_CONCURRENCY = 4;
/**
 * Charges in flight at once. The provider paces its own requests (Stripe: a client-side rate
 * under the account's limit); several in flight keep that pace despite each charge's database
 * round trips, and stay within MariaDB's pool of 10.
 */
export const DEFAULT_CHARGE_CONCURRENCY = 8;

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
  /** companies billed at once on MariaDB (SQLite's transactions queue: always one there) */
  readonly concurrency?: number;
  /** aborted: no further company (or charge) starts; the next run picks up from there */
  readonly signal?: AbortSignal;
}

export interface ChargeRunOptions {
  readonly now?: Date;
  /** charges in flight at once */
  readonly concurrency?: number;
  /** after each charge: how many are done of how many were waiting when the phase started */
  readonly onProgress?: (done: number, total: number) => void;
  /** aborted: no further charge starts; the next run charges the rest */
  readonly signal?: AbortSignal;
}

/** Another server billed this company for this period first: its invoice stands, ours rolls back. */
class AlreadyBilled extends Error {}

/** One connection on SQLite: concurrent transactions would only queue behind each other. */
function effectiveConcurrency(dataSource: DataSource, requested: number): number {
  return dataSource.options.type === 'better-sqlite3' ? 1 : Math.max(1, requested);
}

/**
 * Creates one company's invoice for the period, or null when there is nothing to bill or the
 * period is billed already. One transaction: the number, the invoice, its lines, the users per
 * line, the email and the INVOICE_ISSUED webhook event commit together; the unique (company,
 * period) index makes a second invoice impossible, even from another server.
 *
 * Everything that only reads (usage, billing account, payment admins, webhook endpoints), the
 * whole draft and the billed users' rows come before the invoice number: taking the number locks
 * the year's counter until the commit, so the lock covers the invoice, its lines, its email and
 * its webhook event alone, and other companies' transactions do the rest meanwhile.
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
      const recipients = await billingRecipients(manager, company.id, account);
      const references = await invoiceReferences(manager, company.id, account);
      const webhooks = await openCompanyOutbox(manager, company.id);

      const automatic = company.paymentMethod === PaymentMethodType.AUTOMATIC;
      const invoice = manager.getRepository(InvoiceEntity).create({
        id: randomUUID(),
        companyId: company.id,
        year: now.getUTCFullYear(),
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
        ...references.invoice,
        failedAttempts: 0,
        nextRetryAt: null,
        paidAt: null,
        createdAt: now,
        updatedAt: now,
      });
      const lines = draft.lines.map((line, position) => ({
        id: randomUUID(),
        invoiceId: invoice.id,
        position,
        description: line.description,
        siteId: line.siteId,
        costCenter: references.costCenterOf(line.siteId),
        quantity: line.quantity,
        unitAmount: line.unitAmount,
        amount: line.amount,
      }));
      const lineUsers = draft.lines.flatMap((line, index) =>
        line.users.map((user) => ({
          id: randomUUID(),
          invoiceLineId: lines[index]!.id,
          entryUserId: user.userId,
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          apartment: user.apartment,
          days: user.days,
        })),
      );

      // The billed users first, still before the number: they are most of the rows (100,000 for
      // the largest company) and invoice_line_user has no foreign key to wait for; the
      // transaction keeps them invisible until the invoice commits, and drops them if it does not.
      await insertRows(manager, InvoiceLineUserEntity, lineUsers);

      const { sequence, number } = await nextInvoiceNumber(manager, now.getUTCFullYear());
      Object.assign(invoice, { sequence, number });
      try {
        // every value is set above: nothing to read back (MariaDB's driver would hand booleans
        // back as 0/1 into the entity)
        await manager
          .createQueryBuilder()
          .insert()
          .into(InvoiceEntity)
          .values(invoice)
          .updateEntity(false)
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new AlreadyBilled();
        throw error;
      }
      await insertRows(manager, InvoiceLineEntity, lines);
      await mailBillingRecipients(
        manager,
        company.id,
        'invoice-issued',
        (locale, recipient) => ({
          firstName: recipient.firstName,
          companyName: company.name,
          invoiceNumber: number,
          periodLabel: formatPeriod(period.firstDay, resolveLocale(locale)),
          total: formatMoney(invoice.total, invoice.currency, locale),
          dueDate: formatDate(invoice.dueAt, locale),
          automatic,
          purchaseOrderNumber: invoice.purchaseOrderNumber,
          costCenters: costCentersOf(lines),
          invoiceUrl: mailLinks(deps.config.publicUrl).invoice(invoice.id),
        }),
        recipients,
      );
      await webhooks.publish([invoiceEvent(WebhookEventType.INVOICE_ISSUED, invoice)], now);
      return invoice;
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
 * Bills every company for a period, then charges the automatic payers: two phases, so that the
 * invoices are all out before the first call to the payment provider, and a run stopped between
 * them (or in the middle of either) is finished by the next run. Idempotent and safe with several
 * servers at once: each company is billed once (a unique constraint), numbers stay gap-free, and
 * a charge is keyed per invoice and attempt.
 */
export async function runBilling(
  deps: BillingDeps,
  period: BillingPeriod,
  options: BillingRunOptions = {},
): Promise<BillingRunResult> {
  const now = options.now ?? new Date();
  const created = await createInvoices(deps, period, { ...options, now });
  const { charged, failed } = await chargeOpenInvoices(deps, period, {
    now,
    signal: options.signal,
  });
  const result: BillingRunResult = { created, charged, failed };
  deps.logger.info(
    `billing ${period.period}: ${result.created} invoice(s), ${result.charged} charge(s), ${result.failed} failed${options.signal?.aborted ? ' (stopped early: the next run finishes the period)' : ''}`,
  );
  return result;
}

/** The first phase of a run: every company's invoice for the period. Returns how many it created. */
export async function createInvoices(
  deps: BillingDeps,
  period: BillingPeriod,
  options: BillingRunOptions = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const concurrency = effectiveConcurrency(
    deps.dataSource,
    options.concurrency ?? DEFAULT_BILLING_CONCURRENCY,
  );
  const total = await deps.dataSource.getRepository(CompanyEntity).count({
    where: {
      billingSetupComplete: true,
      status: In([CompanyStatus.APPROVED, CompanyStatus.SUSPENDED]),
    },
  });
  let created = 0;
  let done = 0;
  let after: string | null = null;
  while (!options.signal?.aborted) {
    const companies = await companiesToBill(deps.dataSource, period, after);
    if (companies.length === 0) break;
    await forEachConcurrently(
      companies,
      concurrency,
      async (company) => {
        if (await billCompany(deps, company, period, now)) created += 1;
        done += 1;
        options.onProgress?.(done, Math.max(total, done));
      },
      options.signal,
    );
    after = companies[companies.length - 1]!.id;
  }
  return created;
}

/** Open invoices of the period that are paid automatically and were never tried, by id from `after`. */
async function invoicesToCharge(
  dataSource: DataSource,
  period: BillingPeriod,
  after: string | null,
): Promise<string[]> {
  const query = dataSource
    .getRepository(InvoiceEntity)
    .createQueryBuilder('invoice')
    .select('invoice.id', 'id')
    .where('invoice.status = :open', { open: InvoiceStatus.OPEN })
    .andWhere('invoice.period = :period', { period: period.period })
    .andWhere('invoice.paymentMethod = :automatic', { automatic: PaymentMethodType.AUTOMATIC })
    .andWhere('NOT EXISTS (SELECT 1 FROM payment_attempt tried WHERE tried.invoiceId = invoice.id)')
    .orderBy('invoice.id', 'ASC')
    .limit(CHARGE_BATCH);
  if (after) query.andWhere('invoice.id > :after', { after });
  return (await query.getRawMany<{ id: string }>()).map((row) => row.id);
}

/**
 * The second phase of a run: charges each automatic invoice of the period that has no payment
 * attempt yet (those with one belong to the retry schedule), a few at a time. Also charges the
 * invoices of an earlier run that stopped before charging them.
 */
export async function chargeOpenInvoices(
  deps: BillingDeps,
  period: BillingPeriod,
  options: ChargeRunOptions = {},
): Promise<Pick<BillingRunResult, 'charged' | 'failed'>> {
  const now = options.now ?? new Date();
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CHARGE_CONCURRENCY);
  const total = options.onProgress
    ? await deps.dataSource
        .getRepository(InvoiceEntity)
        .createQueryBuilder('invoice')
        .where('invoice.status = :open', { open: InvoiceStatus.OPEN })
        .andWhere('invoice.period = :period', { period: period.period })
        .andWhere('invoice.paymentMethod = :automatic', {
          automatic: PaymentMethodType.AUTOMATIC,
        })
        .getCount()
    : 0;
  const result = { charged: 0, failed: 0 };
  let after: string | null = null;
  while (!options.signal?.aborted) {
    const invoiceIds = await invoicesToCharge(deps.dataSource, period, after);
    if (invoiceIds.length === 0) break;
    await forEachConcurrently(
      invoiceIds,
      concurrency,
      async (invoiceId) => {
        const charged = await chargeAutomatically(deps, invoiceId, now);
        result.charged += 1;
        if (charged?.status !== InvoiceStatus.PAID) result.failed += 1;
        options.onProgress?.(result.charged, Math.max(total, result.charged));
      },
      options.signal,
    );
    after = invoiceIds[invoiceIds.length - 1]!;
  }
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
