import { Entity, Index } from 'typeorm';
import { BelongsTo, DateTimeColumn, IdColumn, RefColumn } from '../database/columns';
import { SiteEntity } from './site.entity';

/**
 * A stretch of time during which a site was active: opened when the site is created or
 * reactivated, closed when it is deactivated. Billing reads these to know on which days a site's
 * Entry app users count; rows are never deleted.
 */
@Entity('site_active_period')
// "the periods of these sites that overlap this month", and "the open period of this site"
@Index('IDX_site_active_period_site', ['siteId', 'startedAt'])
export class SiteActivePeriodEntity {
  @IdColumn()
  id: string;

  @RefColumn()
  siteId: string;

  @BelongsTo(() => SiteEntity, 'siteId')
  site?: SiteEntity;

  @DateTimeColumn()
  startedAt: Date;

  /** null while the site is active */
  @DateTimeColumn({ nullable: true })
  endedAt: Date | null;
}
