import { Column, Entity, Index } from 'typeorm';
import { LIMITS, SITE_TRANSFER_TEXT_MAX, type Locale } from '@entry/shared';
import { CompanyEntity } from '../companies/company.entity';
import { BelongsTo, DateTimeColumn, EmailColumn, IdColumn, RefColumn } from '../database/columns';
import { SiteEntity } from '../sites/site.entity';

export enum SiteTransferStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

/**
 * A company's offer of one of its sites to another company, named by an email address, and what
 * became of it. An accepted row is also billing history: its effectiveDate (and an undo's) is
 * where a month is split between the two companies (billing/transfer-split.ts). Rows are never
 * deleted.
 */
@Entity('site_transfer')
// one pending transfer per site: pendingSiteId is the siteId while pending and NULL once decided
// (NULLs never collide), the same trick as person.activeEmail
@Index('UQ_site_transfer_pending_site', ['pendingSiteId'], { unique: true })
// OUTGOING lists, newest first; the billing split's "transfers away from this company"
@Index('IDX_site_transfer_from_created', ['fromCompanyId', 'createdAt', 'id'])
// INCOMING lists (by the address of one of the company's people), newest first
@Index('IDX_site_transfer_recipient_created', ['recipientEmail', 'createdAt', 'id'])
// INCOMING lists once decided; the billing split's "transfers to this company"
@Index('IDX_site_transfer_to_created', ['toCompanyId', 'createdAt', 'id'])
// the expiry job: pending rows past their expiresAt
@Index('IDX_site_transfer_status_expires', ['status', 'expiresAt'])
// the operators' list, newest first
@Index('IDX_site_transfer_created', ['createdAt', 'id'])
// a site's transfers (the foreign key, and undo's "was it transferred on since")
@Index('IDX_site_transfer_site', ['siteId', 'createdAt'])
export class SiteTransferEntity {
  @IdColumn()
  id: string;

  @RefColumn()
  siteId: string;

  @BelongsTo(() => SiteEntity, 'siteId')
  site?: SiteEntity;

  /** siteId while PENDING, else null: the unique index allows one pending transfer per site */
  @Column({ type: 'uuid', nullable: true })
  pendingSiteId: string | null;

  @RefColumn()
  fromCompanyId: string;

  @BelongsTo(() => CompanyEntity, 'fromCompanyId')
  fromCompany?: CompanyEntity;

  /** the company that accepted or declined it; null while pending, cancelled or expired */
  @Column({ type: 'uuid', nullable: true })
  toCompanyId: string | null;

  @BelongsTo(() => CompanyEntity, 'toCompanyId')
  toCompany?: CompanyEntity;

  /** who asked; no foreign key: the request outlives a person's removal */
  @Column({ type: 'uuid', nullable: true })
  requestedByPersonId: string | null;

  @EmailColumn()
  recipientEmail: string;

  /** the language of emails to an address that is no one's yet: the one the sender used */
  @Column({ type: 'varchar', length: 5 })
  recipientLocale: Locale;

  @Column({ type: 'varchar', length: SITE_TRANSFER_TEXT_MAX, nullable: true })
  message: string | null;

  /** the site's name when asked, then when accepted: the sender's invoice line keeps it */
  @Column({ type: 'varchar', length: LIMITS.siteName })
  siteName: string;

  @Column({ type: 'simple-enum', enum: SiteTransferStatus })
  status: SiteTransferStatus;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  expiresAt: Date;

  /** accepted, declined, cancelled or expired at */
  @DateTimeColumn({ nullable: true })
  decidedAt: Date | null;

  /** who accepted, declined or cancelled; no foreign key, as requestedByPersonId */
  @Column({ type: 'uuid', nullable: true })
  decidedByPersonId: string | null;

  @Column({ type: 'varchar', length: SITE_TRANSFER_TEXT_MAX, nullable: true })
  declineReason: string | null;

  /** YYYY-MM-DD (UTC) of the acceptance: the receiver's first billed day */
  @Column({ type: 'varchar', length: 10, nullable: true })
  effectiveDate: string | null;

  /** the Entry app users that moved (current ones at the decision); null while pending */
  @Column({ type: 'integer', nullable: true })
  entryUserCount: number | null;

  /** accepted into a company that already had a site of this name (it keeps the name) */
  @Column({ type: 'boolean', default: false })
  nameAlreadyUsed: boolean;

  /** an operator moved the site back (support case) */
  @DateTimeColumn({ nullable: true })
  undoneAt: Date | null;

  /** YYYY-MM-DD (UTC) of the undo: the sender's first billed day again */
  @Column({ type: 'varchar', length: 10, nullable: true })
  undoEffectiveDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  undoneByOperatorId: string | null;

  @Column({ type: 'varchar', length: SITE_TRANSFER_TEXT_MAX, nullable: true })
  undoReason: string | null;
}
