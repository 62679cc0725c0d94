import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn } from '../database/columns';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookMessageEntity } from './webhook-message.entity';

export enum WebhookDeliveryStatus {
  /** waiting for its next attempt, or being attempted (claimToken set) */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** no more attempts: the retries ran out, or the endpoint was disabled */
  FAILED = 'FAILED',
}

/**
 * One event on its way to one endpoint. A worker claims it by moving nextAttemptAt to the end of
 * its lease and writing its claim token in one conditional UPDATE: only one worker can win, a
 * crashed worker's claim expires by itself, and an outcome is recorded only under the token that
 * won (so a worker that was overtaken cannot overwrite the new holder's result).
 */
@Entity('webhook_delivery')
// the workers' queue: due deliveries in order
@Index('IDX_webhook_delivery_due', ['status', 'nextAttemptAt'])
// an endpoint's delivery log, newest first, all or by status
@Index('IDX_webhook_delivery_endpoint', ['endpointId', 'createdAt', 'id'])
@Index('IDX_webhook_delivery_endpoint_status', ['endpointId', 'status', 'createdAt', 'id'])
@Index('IDX_webhook_delivery_claim', ['claimToken'])
// an event's deliveries: redelivery and the log's retention (webhook-retention.ts)
@Index('IDX_webhook_delivery_message', ['messageId', 'status'])
export class WebhookDeliveryEntity {
  @IdColumn()
  id: string;

  @RefColumn()
  endpointId: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpointId' })
  endpoint?: WebhookEndpointEntity;

  @RefColumn()
  messageId: string;

  @ManyToOne(() => WebhookMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'messageId' })
  message?: WebhookMessageEntity;

  /** the message's type, copied so the log needs no join */
  @Column({ type: 'varchar', length: 40 })
  eventType: string;

  @Column({
    type: 'simple-enum',
    enum: WebhookDeliveryStatus,
    default: WebhookDeliveryStatus.PENDING,
  })
  status: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'integer', nullable: true })
  lastResponseStatus: number | null;

  /** the first characters of the last answer's body, or why there was none */
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastResponseExcerpt: string | null;

  @DateTimeColumn({ nullable: true })
  lastAttemptAt: Date | null;

  /** when the next attempt is due; while claimed, when the claim expires */
  @DateTimeColumn()
  nextAttemptAt: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @DateTimeColumn()
  createdAt: Date;
}
