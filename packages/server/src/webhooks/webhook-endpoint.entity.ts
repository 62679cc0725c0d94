import { Column, Entity, Index } from 'typeorm';
import { LIMITS } from '@entry/shared';
import { CompanyEntity } from '../companies/company.entity';
import { BelongsTo, DateTimeColumn, IdColumn, RefColumn } from '../database/columns';

/**
 * Where a company wants its events POSTed (partner API). The signing secret must be readable to
 * sign each delivery (HMAC), so unlike an API key's it is kept as is; it is never shown again
 * after createWebhookEndpoint and rotateWebhookSecret. After a rotation the previous secret also
 * signs (a second signature in the same header) until `previousSecretExpiresAt`, so a receiver
 * can switch without dropping events.
 */
@Entity('webhook_endpoint')
// the company's endpoints (the list, and the fan-out of every event of the company)
@Index('IDX_webhook_endpoint_company', ['companyId', 'createdAt', 'id'])
export class WebhookEndpointEntity {
  @IdColumn()
  id: string;

  @RefColumn()
  companyId: string;

  @BelongsTo(() => CompanyEntity, 'companyId')
  company?: CompanyEntity;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: LIMITS.webhookDescription, nullable: true })
  description: string | null;

  /** WebhookEventType names, comma-separated (simple-array) */
  @Column({ type: 'simple-array' })
  events: string[];

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** whsec_<base64> */
  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  previousSecret: string | null;

  @DateTimeColumn({ nullable: true })
  previousSecretExpiresAt: Date | null;

  /**
   * When its deliveries started failing without a success since; null while healthy. Three days
   * of that and the worker disables the endpoint and emails the company's payment admins.
   */
  @DateTimeColumn({ nullable: true })
  failingSince: Date | null;

  /** set when the worker disabled it for failing; cleared when someone enables it again */
  @DateTimeColumn({ nullable: true })
  disabledForFailingAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByPersonId: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
