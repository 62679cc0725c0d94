import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, MoneyColumn } from '../database/columns';

/** A card saved with the sandbox payment provider (the default, like Stripe's test mode). */
@Entity('sandbox_card')
@Index('IDX_sandbox_card_customer', ['customerId'])
export class SandboxCardEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  customerId: string;

  @Column({ type: 'varchar', length: 20 })
  brand: string;

  @Column({ type: 'varchar', length: 4 })
  last4: string;

  @Column({ type: 'integer' })
  expMonth: number;

  @Column({ type: 'integer' })
  expYear: number;

  /** pm_card_visa_chargeDeclined: saves, but every charge fails */
  @Column({ type: 'boolean', default: false })
  declinesCharges: boolean;

  @DateTimeColumn()
  createdAt: Date;
}

/** A charge made with the sandbox provider, keyed like Stripe by its idempotency key. */
@Entity('sandbox_charge')
export class SandboxChargeEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 40 })
  paymentId: string;

  @Column({ type: 'varchar', length: 40 })
  cardId: string;

  @MoneyColumn()
  amount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @DateTimeColumn()
  createdAt: Date;
}
