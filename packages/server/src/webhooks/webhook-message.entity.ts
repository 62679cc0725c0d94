import { Column, Entity, Index } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import { BelongsTo, DateTimeColumn, IdColumn, RefColumn } from '../database/columns';

/**
 * One event for a company's webhooks, written in the same transaction as the change it reports
 * (the outbox): it exists exactly when the change committed. Its id is the webhook-id header of
 * every delivery and retry, so receivers can drop duplicates. The body is kept as sent, byte for
 * byte, because the signature covers it. (The Standard Webhooks specification calls it a
 * message; `webhook_event` is the table of Stripe's events coming in.)
 */
@Entity('webhook_message')
@Index('IDX_webhook_message_company', ['companyId', 'createdAt'])
// housekeeping: messages past the log's retention, oldest first
@Index('IDX_webhook_message_created', ['createdAt'])
export class WebhookMessageEntity {
  @IdColumn()
  id: string;

  @RefColumn()
  companyId: string;

  @BelongsTo(() => CompanyEntity, 'companyId')
  company?: CompanyEntity;

  /** a WebhookEventType name */
  @Column({ type: 'varchar', length: 40 })
  type: string;

  /** the JSON body: {"id","type","createdAt","companyId","data"} */
  @Column({ type: 'text' })
  body: string;

  @DateTimeColumn()
  createdAt: Date;
}
