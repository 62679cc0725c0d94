import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, MoneyColumn } from '../database/columns';

/** What of a provider's payment differs from the attempt it names. */
export enum PaymentDiscrepancyKind {
  AMOUNT = 'AMOUNT',
  CURRENCY = 'CURRENCY',
  PAYMENT_INTENT = 'PAYMENT_INTENT',
}

/**
 * A provider's event about one of our payment attempts that does not match it (amount, currency
 * or PaymentIntent id): never applied, kept here until an operator has looked at it. One row per
 * event, so a redelivered event finds its row and adds none.
 */
@Entity('payment_discrepancy')
@Index('UQ_payment_discrepancy_event', ['eventId'], { unique: true })
// the operators' queue: unreviewed ones, oldest first
@Index('IDX_payment_discrepancy_review', ['reviewedAt', 'receivedAt', 'id'])
export class PaymentDiscrepancyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** the provider's event id (evt_…) */
  @Column({ type: 'varchar', length: 100 })
  eventId: string;

  @Column({ type: 'varchar', length: 100 })
  eventType: string;

  @Column({ type: 'uuid' })
  attemptId: string;

  @Column({ type: 'uuid' })
  invoiceId: string;

  @Column({ type: 'uuid' })
  companyId: string;

  /** what our payment attempt asked for */
  @MoneyColumn()
  expectedAmount: number;

  @Column({ type: 'varchar', length: 3 })
  expectedCurrency: string;

  /** null while the attempt has no PaymentIntent yet (its charge call timed out) */
  @Column({ type: 'varchar', length: 100, nullable: true })
  expectedPaymentIntentId: string | null;

  /** what the event says was paid */
  @MoneyColumn()
  receivedAmount: number;

  /** upper-case, as our currencies are (a differing spelling of case is no discrepancy) */
  @Column({ type: 'varchar', length: 10 })
  receivedCurrency: string;

  @Column({ type: 'varchar', length: 100 })
  receivedPaymentIntentId: string;

  @DateTimeColumn()
  receivedAt: Date;

  @DateTimeColumn({ nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedByOperatorId: string | null;
}
