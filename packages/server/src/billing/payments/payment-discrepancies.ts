import { IsNull, type DataSource } from 'typeorm';
import { UserErrorCode } from '@entry/shared';
import { UserInputProblem } from '../../common/user-errors';
import { isUniqueViolation } from '../../database/errors';
import { inTransaction } from '../../database/transaction';
import { InvoiceEntity } from '../invoice.entity';
import type { PaymentAttemptEntity } from '../payment-attempt.entity';
import { PaymentDiscrepancyEntity } from '../payment-discrepancy.entity';
import { WebhookEventEntity } from '../webhook-event.entity';
import type { PaymentTerms } from './stripe-mappers';

export interface ProviderEvent {
  readonly id: string;
  readonly type: string;
}

/**
 * Keeps a provider event whose payment does not match its attempt, instead of applying it: the
 * discrepancy and the event's "handled" mark commit together, so a redelivery (even one that
 * arrives at the same moment) finds them and records nothing more. The invoice and the attempt
 * are not touched. Returns the new row, or null when this event was recorded already.
 */
export async function recordPaymentDiscrepancy(
  dataSource: DataSource,
  event: ProviderEvent,
  attempt: PaymentAttemptEntity,
  received: PaymentTerms & { readonly paymentId: string },
  now: Date,
): Promise<PaymentDiscrepancyEntity | null> {
  try {
    return await inTransaction(dataSource, async (manager) => {
      const invoice = await manager
        .getRepository(InvoiceEntity)
        .findOneByOrFail({ id: attempt.invoiceId });
      const discrepancy = manager.getRepository(PaymentDiscrepancyEntity).create({
        eventId: event.id,
        eventType: event.type,
        attemptId: attempt.id,
        invoiceId: invoice.id,
        companyId: invoice.companyId,
        expectedAmount: attempt.amount,
        expectedCurrency: attempt.currency,
        expectedPaymentIntentId: attempt.providerPaymentId,
        receivedAmount: received.amount,
        receivedCurrency: received.currency.toUpperCase(),
        receivedPaymentIntentId: received.paymentId,
        receivedAt: now,
        reviewedAt: null,
        reviewedByOperatorId: null,
      });
      await manager.getRepository(PaymentDiscrepancyEntity).insert(discrepancy);
      await manager
        .getRepository(WebhookEventEntity)
        .insert({ id: event.id, type: event.type, receivedAt: now });
      return discrepancy;
    });
  } catch (error) {
    // the same event delivered twice at the same moment: the other delivery recorded it
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The operators' queue: discrepancies nobody has reviewed yet, oldest first. */
export function unreviewedPaymentDiscrepancies(
  dataSource: DataSource,
  first: number,
): Promise<PaymentDiscrepancyEntity[]> {
  return dataSource.getRepository(PaymentDiscrepancyEntity).find({
    where: { reviewedAt: IsNull() },
    order: { receivedAt: 'ASC', id: 'ASC' },
    take: first,
  });
}

/**
 * An operator has looked at the discrepancy (and settled it with the company and the provider):
 * it leaves the queue. Marking it again keeps the first review.
 */
export async function markPaymentDiscrepancyReviewed(
  dataSource: DataSource,
  id: string,
  operatorId: string,
  now: Date,
): Promise<PaymentDiscrepancyEntity> {
  const discrepancies = dataSource.getRepository(PaymentDiscrepancyEntity);
  await discrepancies.update(
    { id, reviewedAt: IsNull() },
    { reviewedAt: now, reviewedByOperatorId: operatorId },
  );
  const discrepancy = await discrepancies.findOneBy({ id });
  if (!discrepancy) throw UserInputProblem.of(['id'], UserErrorCode.NOT_FOUND);
  return discrepancy;
}
