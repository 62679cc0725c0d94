import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import { sqlDateTime } from '../database/sql-values';
import { EntryUserEntity } from '../sites/entry-user.entity';
import { SiteActivePeriodEntity } from '../sites/site-active-period.entity';
import { SiteEntity } from '../sites/site.entity';
import type { BillingPeriod } from './billing-period';
import type { ActiveSpan } from './proration';

export interface SiteUsage {
  readonly site: Pick<SiteEntity, 'id' | 'name' | 'nameKey'>;
  /** when the site was active (a deactivated site counts through its deactivation day) */
  readonly siteSpans: readonly ActiveSpan[];
  readonly users: ReadonlyArray<
    Pick<EntryUserEntity, 'id' | 'firstName' | 'lastName' | 'email' | 'apartment'> & {
      spans: readonly ActiveSpan[];
    }
  >;
}

/**
 * Everything a company's invoice for a period is computed from: its Entry app users active at
 * any moment of the period, grouped by site (sorted by name), with each site's active periods.
 * Three queries whatever the number of sites.
 */
export async function loadCompanyUsage(
  source: DataSource | EntityManager,
  companyId: string,
  period: Pick<BillingPeriod, 'start' | 'end'>,
): Promise<SiteUsage[]> {
  const dataSource = 'connection' in source ? source.connection : source;
  const users = await source
    .getRepository(EntryUserEntity)
    .createQueryBuilder('user')
    .select([
      'user.id',
      'user.siteId',
      'user.firstName',
      'user.lastName',
      'user.email',
      'user.apartment',
      'user.activeFrom',
      'user.removedAt',
    ])
    .where('user.companyId = :companyId', { companyId })
    .andWhere('user.activeFrom < :end', { end: sqlDateTime(dataSource, period.end) })
    .andWhere(
      new Brackets((where) =>
        where
          .where('user.removedAt IS NULL')
          .orWhere('user.removedAt >= :start', { start: sqlDateTime(dataSource, period.start) }),
      ),
    )
    .orderBy('user.sortKey', 'ASC')
    .addOrderBy('user.id', 'ASC')
    .getMany();
  const siteIds = [...new Set(users.map((user) => user.siteId))];
  if (siteIds.length === 0) return [];
  const [sites, periods] = await Promise.all([
    source.getRepository(SiteEntity).find({
      select: { id: true, name: true, nameKey: true, createdAt: true, deactivatedAt: true },
      where: { id: In(siteIds), companyId },
    }),
    source.getRepository(SiteActivePeriodEntity).find({
      select: { siteId: true, startedAt: true, endedAt: true },
      where: { siteId: In(siteIds) },
    }),
  ]);
  const spansBySite = new Map<string, ActiveSpan[]>();
  for (const row of periods) {
    const list = spansBySite.get(row.siteId) ?? [];
    list.push({ from: row.startedAt, to: row.endedAt });
    spansBySite.set(row.siteId, list);
  }
  const usersBySite = new Map<string, SiteUsage['users'][number][]>();
  for (const user of users) {
    const list = usersBySite.get(user.siteId) ?? [];
    list.push({
      id: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      apartment: user.apartment,
      spans: [{ from: user.activeFrom, to: user.removedAt }],
    });
    usersBySite.set(user.siteId, list);
  }
  return sites
    .map((site) => ({
      site,
      // sites from before active periods were recorded: their creation and deactivation stand in
      siteSpans: spansBySite.get(site.id) ?? [{ from: site.createdAt, to: site.deactivatedAt }],
      users: usersBySite.get(site.id) ?? [],
    }))
    .sort((a, b) =>
      a.site.nameKey < b.site.nameKey ? -1 : a.site.nameKey > b.site.nameKey ? 1 : 0,
    );
}
