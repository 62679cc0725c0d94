import { Column, Entity, Index } from 'typeorm';
import { LIMITS } from '@entry/shared';
import {
  BelongsTo,
  DateTimeColumn,
  IdColumn,
  NameAndEmailColumns,
  RefColumn,
} from '../database/columns';
import { SiteEntity } from './site.entity';

/**
 * A resident who opens doors with the Entry app at a site: what the company is billed for, per
 * user per month, prorated by activeFrom / removedAt. Rows are never deleted (billing history).
 */
@Entity('entry_user')
// an email is unique among a site's current users: activeEmail is the email while active and
// NULL once removed (NULLs never collide), which both SQLite and MariaDB can enforce
@Index('UQ_entry_user_site_active_email', ['siteId', 'activeEmail'], { unique: true })
// the users list of a site, sorted by name
@Index('IDX_entry_user_site_name', ['siteId', 'removedAt', 'sortKey', 'id'])
// billing: every user of a company active at some point in a month
@Index('IDX_entry_user_company_billing', ['companyId', 'activeFrom', 'removedAt'])
// the move-outs due: current users whose move-out day has ended (sites/move-outs.ts)
@Index('IDX_entry_user_move_out', ['removedAt', 'moveOutDate'])
export class EntryUserEntity extends NameAndEmailColumns {
  @IdColumn()
  id: string;

  @RefColumn()
  siteId: string;

  @BelongsTo(() => SiteEntity, 'siteId')
  site?: SiteEntity;

  /** the site's company, kept here so billing and scoping need no join */
  @RefColumn()
  companyId: string;

  // firstName, lastName, email, activeEmail: NameAndEmailColumns

  @Column({ type: 'varchar', length: LIMITS.apartment, nullable: true })
  apartment: string | null;

  /** "lastname firstname" folded: sort order */
  @Column({ type: 'varchar', length: LIMITS.personName * 2 + 1 })
  sortKey: string;

  /** names, email and apartment folded: search */
  @Column({ type: 'varchar', length: 512 })
  searchText: string;

  /** billing counts from here: when added, or the start of moveInDate if that is later */
  @DateTimeColumn()
  activeFrom: Date;

  @DateTimeColumn({ nullable: true })
  removedAt: Date | null;

  /** YYYY-MM-DD (UTC) as the company gave it; null: from the day added */
  @Column({ type: 'varchar', length: 10, nullable: true })
  moveInDate: string | null;

  /** YYYY-MM-DD (UTC): billed up to that day included, removed at its end; null: none planned */
  @Column({ type: 'varchar', length: 10, nullable: true })
  moveOutDate: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
