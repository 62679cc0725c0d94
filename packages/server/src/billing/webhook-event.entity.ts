import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

/** A payment provider webhook already handled: Stripe retries and repeats them; we act once. */
@Entity('webhook_event')
export class WebhookEventEntity {
  /** the provider's event id (evt_…) */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  type: string;

  @DateTimeColumn()
  receivedAt: Date;
}
