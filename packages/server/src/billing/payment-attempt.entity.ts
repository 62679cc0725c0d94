import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, MoneyColumn } from '../database/columns';

export enum PaymentAttemptStatus {
  /** sent to the provider; the outcome is not known yet (a timeout keeps it here) */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/**
 * One try at charging an invoice. The idempotency key is fixed per invoice and attempt number:
 * a retry after a timeout reuses it, so the provider charges at most once per attempt.
 */
@Entity('payment_attempt')
@Index('UQ_payment_attempt_invoice_attempt', ['invoiceId', 'attempt'], { unique: true })
@Index('UQ_payment_attempt_idempotency', ['idempotencyKey'], { unique: true })
@Index('IDX_payment_attempt_provider_payment', ['providerPaymentId'])
export class PaymentAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  invoiceId: string;

  /** 1, 2, 3, … per invoice */
  @Column({ type: 'integer' })
  attempt: number;

  @Column({ type: 'varchar', length: 100 })
  idempotencyKey: string;

  @MoneyColumn()
  amount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'simple-enum', enum: PaymentAttemptStatus })
  status: PaymentAttemptStatus;

  /** AUTOMATIC (invoice created), RETRY (scheduled), MANUAL (payInvoice) */
  @Column({ type: 'varchar', length: 20 })
  trigger: string;

  /** Stripe PaymentIntent id (pi_…) or the sandbox's */
  @Column({ type: 'varchar', length: 100, nullable: true })
  providerPaymentId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  failureCode: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  failureMessage: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  completedAt: Date | null;
}
