import { Column, Entity, Index } from 'typeorm';
import { LIMITS } from '@entry/shared';
import { BelongsTo, DateTimeColumn, IdColumn, RefColumn } from '../database/columns';
import { CompanyEntity } from '../companies/company.entity';

/** A building or installation a company looks after; Entry app users are billed per site. */
@Entity('site')
// names are unique per company, compared case- and accent-insensitively (nameKey is folded),
// except that a transfer may bring in a site whose name the receiver already uses: it keeps its
// name and takes the next nameSlot (site-transfers/site-moves.ts), so the index still holds
@Index('UQ_site_company_name_key_slot', ['companyId', 'nameKey', 'nameSlot'], { unique: true })
// the sites list: sorted by name, filtered by active/inactive, paginated by (nameKey, id)
@Index('IDX_site_company_active_name', ['companyId', 'active', 'nameKey', 'id'])
// the unfiltered list (and every all-sites person's sites): without it, MariaDB sorts all of a
// company's sites for each page, since the unique index above does not end in id
@Index('IDX_site_company_name_id', ['companyId', 'nameKey', 'id'])
export class SiteEntity {
  @IdColumn()
  id: string;

  @RefColumn()
  companyId: string;

  @BelongsTo(() => CompanyEntity, 'companyId')
  company?: CompanyEntity;

  @Column({ type: 'varchar', length: LIMITS.siteName })
  name: string;

  /** name folded to lower case without accents: uniqueness and sort order */
  @Column({ type: 'varchar', length: LIMITS.siteName })
  nameKey: string;

  /**
   * 0 for every site named by a person (createSite, updateSite check the name is free); 1, 2, …
   * for a site that came in by a transfer under a name the company already had
   */
  @Column({ type: 'integer', default: 0 })
  nameSlot: number;

  @Column({ type: 'varchar', length: LIMITS.address, nullable: true })
  address: string | null;

  /** the company's cost centre for the site: frozen on its invoice line at issue */
  @Column({ type: 'varchar', length: LIMITS.costCenter, nullable: true })
  costCenter: string | null;

  /** name and address folded like nameKey, for "kungs" to find "Kungsgatan 12" on any database */
  @Column({ type: 'varchar', length: LIMITS.siteName + LIMITS.address + 1 })
  searchText: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  /** billing stops from the day after */
  @DateTimeColumn({ nullable: true })
  deactivatedAt: Date | null;
}
