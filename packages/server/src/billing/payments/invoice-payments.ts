import { Between, IsNull, LessThanOrEqual, Not, type DataSource } from 'typeorm';
import { UserErrorCode, WebhookEventType } from '@entry/shared';
import { CompanyEntity, PaymentMethodType } from '../../companies/company.entity';
import { UserInputProblem } from '../../common/user-errors';
import { isUniqueViolation } from '../../database/errors';
import { inTransaction } from '../../database/transaction';
import { publishWebhookEvent } from '../../webhooks/webhook-outbox';
import { invoiceEvent } from '../../webhooks/webhook-payloads';
import { BillingAccountEntity } from '../billing-account.entity';
import { billingAccountOf } from '../billing-setup.service';
import type { BillingDeps } from '../billing-deps';
import { InvoiceEntity, InvoiceStatus } from '../invoice.entity';
import { mailLinks } from '../../mail';
import { mailBillingRecipients } from '../billing-recipients';
import { formatDate, formatMoney } from '../invoice-mail';
import { restoreIfNothingOverdue } from '../overdue';
import { PaymentAttemptEntity, PaymentAttemptStatus } from '../payment-attempt.entity';
import type { ApplyChargeOutcome, ChargeOutcome } from './charge-outcome';
import { CardRefusedError, PaymentProviderUnavailableError } from './payment-provider';

const DAY_MS = 86_400_000;
/** Automatic payments that failed are tried again this many days after the invoice was issued. */
export const RETRY_AFTER_DAYS = [3, 5, 7] as const;

export type ChargeTrigger = 'AUTOMATIC' | 'RETRY' | 'MANUAL';

/**
 * The attempt to use: a PENDING one (an earlier call timed out, so its outcome is unknown) is
 * reused with its idempotency key, which makes the provider return the first charge instead of
 * making a second; otherwise a new attempt is numbered after the last.
 */
async function attemptFor(
  dataSource: DataSource,
  invoice: InvoiceEntity,
  trigger: ChargeTrigger,
  now: Date,
): Promise<PaymentAttemptEntity> {
  const attempts = dataSource.getRepository(PaymentAttemptEntity);
  // One read of the latest attempt, not "a pending one?" and then "the latest?": between two
  // reads another server may start attempt n, and this one would then start n+1 with a new
  // idempotency key and charge the card a second time (seen with two servers on a Galera
  // cluster paying one invoice at once).
  const last = await attempts.findOne({
    where: { invoiceId: invoice.id },
    order: { attempt: 'DESC' },
  });
  if (last?.status === PaymentAttemptStatus.PENDING) {
    // its key may be forgotten by the provider: a resend could charge twice (stalePendingAttempts)
    if (now.getTime() - last.createdAt.getTime() > PENDING_REPLAY_WINDOW_MS)
      throw UserInputProblem.of(['id'], UserErrorCode.PAYMENT_PENDING);
    return last;
  }
  // The caller read the invoice before this: another server's charge may have finished since.
  // A new attempt would carry a new idempotency key, so Stripe would charge a second time.
  if (last?.status === PaymentAttemptStatus.SUCCEEDED)
    throw UserInputProblem.of(['id'], UserErrorCode.ALREADY_PAID);
  // The automatic charge after issuing happens once; later ones are RETRY or MANUAL.
  if (last && trigger === 'AUTOMATIC')
    throw UserInputProblem.of(['id'], UserErrorCode.INVALID_STATE);
  const number = (last?.attempt ?? 0) + 1;
  const attempt = attempts.create({
    invoiceId: invoice.id,
    attempt: number,
    idempotencyKey: `invoice-${invoice.id}-attempt-${number}`,
    amount: invoice.total,
    currency: invoice.currency,
    status: PaymentAttemptStatus.PENDING,
    trigger,
    providerPaymentId: null,
    failureCode: null,
    failureMessage: null,
    createdAt: now,
    completedAt: null,
  });
  try {
    // in a transaction of its own so that a Galera write conflict (1213 at COMMIT) runs it
    // again, and the second run meets the other server's row as a duplicate key
    await inTransaction(dataSource, (manager) =>
      manager.getRepository(PaymentAttemptEntity).insert(attempt),
    );
    return attempt;
  } catch (error) {
    // another server started this attempt at the same moment: share it (same key, one charge)
    if (!isUniqueViolation(error)) throw error;
    const winner = await attempts.findOneBy({ invoiceId: invoice.id, attempt: number });
    if (!winner) throw error;
    return winner;
  }
}

/**
 * Records a charge's outcome, from the provider's answer or a webhook. Idempotent and order-safe:
 * only a PENDING attempt changes, a paid invoice never goes back to failed nor is paid again, and
 * the INVOICE_PAID / INVOICE_PAYMENT_FAILED webhook event is written with the change that causes it.
 */
export const applyChargeOutcome: ApplyChargeOutcome = async (
  dataSource,
  attemptId,
  outcome,
  now = new Date(),
) => {
  await applyOutcome(dataSource, null, attemptId, outcome, now);
};

/** The same, emailing the payment admins about a failure (the webhook's way in). */
export function applyChargeOutcomeWith(deps: BillingDeps): ApplyChargeOutcome {
  return async (dataSource, attemptId, outcome, now = new Date()) => {
    await applyOutcome(dataSource, deps, attemptId, outcome, now);
  };
}

async function applyOutcome(
  dataSource: DataSource,
  deps: BillingDeps | null,
  attemptId: string,
  outcome: ChargeOutcome,
  now: Date,
): Promise<InvoiceEntity | null> {
  return inTransaction(dataSource, async (manager) => {
    const attempts = manager.getRepository(PaymentAttemptEntity);
    const finished = await attempts.update(
      { id: attemptId, status: PaymentAttemptStatus.PENDING },
      outcome.status === 'succeeded'
        ? {
            status: PaymentAttemptStatus.SUCCEEDED,
            providerPaymentId: outcome.paymentId,
            completedAt: now,
          }
        : {
            status: PaymentAttemptStatus.FAILED,
            providerPaymentId: outcome.paymentId,
            failureCode: outcome.code.slice(0, 100),
            failureMessage: outcome.message.slice(0, 500),
            completedAt: now,
          },
    );
    const attempt = await attempts.findOneBy({ id: attemptId });
    if (!attempt) return null;
    const invoices = manager.getRepository(InvoiceEntity);
    if (!finished.affected) return invoices.findOneBy({ id: attempt.invoiceId });

    if (outcome.status === 'succeeded') {
      // Another attempt of this invoice may have succeeded already (its webhook came late, or
      // two servers charged): the invoice was paid once, at the first success, and said so once.
      const paid = await invoices.update(
        { id: attempt.invoiceId, status: Not(InvoiceStatus.PAID) },
        { status: InvoiceStatus.PAID, paidAt: now, nextRetryAt: null, updatedAt: now },
      );
      const invoice = await invoices.findOneByOrFail({ id: attempt.invoiceId });
      if (!paid.affected) return invoice;
      // the payment that settles the last overdue invoice lifts a suspension at once
      await restoreIfNothingOverdue(
        manager,
        invoice.companyId,
        now,
        deps?.config.publicUrl ?? null,
      );
      await publishWebhookEvent(
        manager,
        invoice.companyId,
        invoiceEvent(WebhookEventType.INVOICE_PAID, invoice),
        now,
      );
      return invoice;
    }

    const invoice = await invoices.findOneByOrFail({ id: attempt.invoiceId });
    if (invoice.status === InvoiceStatus.PAID) return invoice;
    const failedAttempts = invoice.failedAttempts + 1;
    // Only automatic charges are retried on schedule; a refused manual payment waits for the person.
    const retryDay =
      invoice.paymentMethod === PaymentMethodType.AUTOMATIC
        ? RETRY_AFTER_DAYS.find((day) => invoice.issuedAt.getTime() + day * DAY_MS > now.getTime())
        : undefined;
    const nextRetryAt =
      retryDay === undefined ? null : new Date(invoice.issuedAt.getTime() + retryDay * DAY_MS);
    await invoices.update(
      { id: invoice.id },
      { status: InvoiceStatus.PAYMENT_FAILED, failedAttempts, nextRetryAt, updatedAt: now },
    );
    if (attempt.trigger !== 'MANUAL' && deps) {
      await mailBillingRecipients(
        manager,
        invoice.companyId,
        'payment-failed',
        (locale, recipient) => ({
          firstName: recipient.firstName,
          invoiceNumber: invoice.number,
          total: formatMoney(invoice.total, invoice.currency, locale),
          reason: outcome.message,
          nextAttempt: nextRetryAt ? formatDate(nextRetryAt, locale) : null,
          invoiceUrl: mailLinks(deps.config.publicUrl).invoice(invoice.id),
        }),
      );
    }
    const failed = await invoices.findOneByOrFail({ id: invoice.id });
    await publishWebhookEvent(
      manager,
      failed.companyId,
      invoiceEvent(WebhookEventType.INVOICE_PAYMENT_FAILED, failed),
      now,
    );
    return failed;
  });
}

/**
 * Charges an invoice: the card on file, or a card given now (`token`, saved with the provider for
 * this payment). Refuses a paid invoice (never a double charge). Provider outages leave the
 * attempt PENDING for a retry with the same idempotency key.
 */
export async function chargeInvoice(
  deps: BillingDeps,
  invoiceId: string,
  trigger: ChargeTrigger,
  token: string | null = null,
  payerEmail: string | null = null,
  now = new Date(),
): Promise<InvoiceEntity> {
  const { dataSource, payments } = deps;
  const invoice = await dataSource.getRepository(InvoiceEntity).findOneBy({ id: invoiceId });
  if (!invoice) throw UserInputProblem.of(['id'], UserErrorCode.NOT_FOUND);
  if (invoice.status === InvoiceStatus.PAID)
    throw UserInputProblem.of(['id'], UserErrorCode.ALREADY_PAID);
  if (invoice.status === InvoiceStatus.VOID)
    throw UserInputProblem.of(['id'], UserErrorCode.INVALID_STATE);

  const account = await dataSource
    .getRepository(BillingAccountEntity)
    .findOneBy({ companyId: invoice.companyId });
  let customerId = account?.providerCustomerId ?? null;
  let methodId = account?.cardMethodId ?? null;
  if (token) {
    try {
      const company = await dataSource
        .getRepository(CompanyEntity)
        .findOneByOrFail({ id: invoice.companyId });
      customerId ??= await payments.ensureCustomer({
        id: company.id,
        name: company.name,
        email: payerEmail ?? '',
      });
      methodId = (await payments.saveCard(customerId, token)).methodId;
      if (!account?.providerCustomerId) {
        // keep the customer: the next payment and the wizard find it instead of making another
        await inTransaction(dataSource, async (manager) => {
          await billingAccountOf(manager, invoice.companyId, now);
          await manager
            .getRepository(BillingAccountEntity)
            .update(
              { companyId: invoice.companyId },
              { providerCustomerId: customerId, updatedAt: now },
            );
        });
      }
    } catch (error) {
      if (error instanceof CardRefusedError)
        throw UserInputProblem.of(['paymentMethodToken'], UserErrorCode.CARD_REFUSED, {
          reason: error.message,
        });
      if (error instanceof PaymentProviderUnavailableError)
        throw UserInputProblem.of(['paymentMethodToken'], UserErrorCode.PAYMENT_UNAVAILABLE);
      throw error;
    }
  }
  if (!customerId || !methodId)
    throw UserInputProblem.of(['paymentMethodToken'], UserErrorCode.REQUIRED);

  const attempt = await attemptFor(dataSource, invoice, trigger, now);
  let outcome: ChargeOutcome;
  try {
    outcome = await payments.charge({
      customerId,
      methodId,
      amount: attempt.amount,
      currency: attempt.currency,
      idempotencyKey: attempt.idempotencyKey,
      description: `Invoice ${invoice.number}`,
      metadata: {
        invoiceId: invoice.id,
        attemptId: attempt.id,
        companyId: invoice.companyId,
        invoiceNumber: invoice.number,
      },
    });
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) {
      deps.logger.warn(
        'payment provider unavailable: the attempt stays pending and is retried with its key',
        { invoiceId, attemptId: attempt.id, error },
      );
      throw UserInputProblem.of(['id'], UserErrorCode.PAYMENT_UNAVAILABLE);
    }
    throw error;
  }
  const updated = await applyOutcome(dataSource, deps, attempt.id, outcome, now);
  return updated ?? invoice;
}

/** How long a pending attempt may be resent with its idempotency key (Stripe keeps keys 24 h). */
export const PENDING_REPLAY_WINDOW_MS = 23 * 60 * 60 * 1000;

/** Attempts whose outcome is still unknown after the replay window: an operator must look. */
export async function stalePendingAttempts(
  dataSource: DataSource,
  now: Date,
): Promise<PaymentAttemptEntity[]> {
  return dataSource.getRepository(PaymentAttemptEntity).find({
    where: {
      status: PaymentAttemptStatus.PENDING,
      createdAt: LessThanOrEqual(new Date(now.getTime() - PENDING_REPLAY_WINDOW_MS)),
    },
    take: 100,
  });
}

/** Invoices whose automatic retry is due, and attempts left PENDING by an outage. */
export async function dueRetries(dataSource: DataSource, now: Date): Promise<string[]> {
  const failed = await dataSource.getRepository(InvoiceEntity).find({
    select: { id: true },
    where: {
      status: InvoiceStatus.PAYMENT_FAILED,
      paymentMethod: PaymentMethodType.AUTOMATIC,
      nextRetryAt: LessThanOrEqual(now),
    },
    take: 500,
  });
  const stuck = await dataSource.getRepository(PaymentAttemptEntity).find({
    select: { invoiceId: true },
    where: {
      status: PaymentAttemptStatus.PENDING,
      completedAt: IsNull(),
      // Stripe keeps idempotency keys for 24 hours: past that a resend could charge twice, so
      // such an attempt is left for its webhook or an operator (see stalePendingAttempts).
      createdAt: Between(
        new Date(now.getTime() - PENDING_REPLAY_WINDOW_MS),
        new Date(now.getTime() - 5 * 60_000),
      ),
    },
    take: 500,
  });
  return [
    ...new Set([
      ...failed.map((invoice) => invoice.id),
      ...stuck.map((attempt) => attempt.invoiceId),
    ]),
  ];
}
