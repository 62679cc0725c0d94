import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import { sqlDateTime } from '../database/sql-values';
import { EntryUserEntity } from '../sites/entry-user.entity';
import { SiteActivePeriodEntity } from '../sites/site-active-period.entity';
import { billedSpanOf } from '../sites/move-dates';
import { SiteEntity } from '../sites/site.entity';
import type { BillingPeriod } from './billing-period';
import type { ActiveSpan } from './proration';
import { loadTransferSplit } from './transfer-split';

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

type RawUser = Pick<
  EntryUserEntity,
  'id' | 'siteId' | 'firstName' | 'lastName' | 'email' | 'apartment' | 'sortKey' | 'moveOutDate'
> & { activeFrom: unknown; removedAt: unknown };

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Everything a company's invoice for a period is computed from: its Entry app users active at
 * any moment of the period, grouped by site (sorted by name), with each site's active periods,
 * cut to the days the company held each site when a transfer split the period
 * (transfer-split.ts). Four queries whatever the number of sites, three more when the company
 * gave sites away during the period.
 */
export async function loadCompanyUsage(
  source: DataSource | EntityManager,
  companyId: string,
  period: Pick<BillingPeriod, 'start' | 'end' | 'firstDay'>,
): Promise<SiteUsage[]> {
  const split = await loadTransferSplit(source, companyId, period);
  const held = await loadUsage(source, { companyId }, period);
  const former = split.formerSiteIds.length
    ? await loadUsage(source, { siteIds: split.formerSiteIds }, period)
    : [];
  return split.apply([...held, ...former]);
}

/** Whose usage: a company's sites, or given sites (those a company gave away). */
type UsageOf = { readonly companyId: string } | { readonly siteIds: readonly string[] };

async function loadUsage(
  source: DataSource | EntityManager,
  of: UsageOf,
  period: Pick<BillingPeriod, 'start' | 'end'>,
): Promise<SiteUsage[]> {
  const dataSource = 'connection' in source ? source.connection : source;
  // Raw rows, not entities: TypeORM's entity hydration took seconds for a company's 100,000
  // users. Datetimes still go through the driver (SQLite hands back text, MariaDB dates).
  const rows = await source
    .getRepository(EntryUserEntity)
    .createQueryBuilder('user')
    .select([
      'user.id AS id',
      'user.siteId AS siteId',
      'user.firstName AS firstName',
      'user.lastName AS lastName',
      'user.email AS email',
      'user.apartment AS apartment',
      'user.sortKey AS sortKey',
      'user.activeFrom AS activeFrom',
      'user.removedAt AS removedAt',
      'user.moveOutDate AS moveOutDate',
    ])
    .where(
      'companyId' in of ? 'user.companyId = :companyId' : 'user.siteId IN (:...siteIds)',
      'companyId' in of ? { companyId: of.companyId } : { siteIds: of.siteIds },
    )
    .andWhere('user.activeFrom < :end', { end: sqlDateTime(dataSource, period.end) })
    .andWhere(
      new Brackets((where) =>
        where
          .where('user.removedAt IS NULL')
          .orWhere('user.removedAt >= :start', { start: sqlDateTime(dataSource, period.start) }),
      ),
    )
    .getRawMany<RawUser>();
  const metadata = dataSource.getMetadata(EntryUserEntity);
  const activeFromColumn = metadata.findColumnWithPropertyName('activeFrom')!;
  const removedAtColumn = metadata.findColumnWithPropertyName('removedAt')!;
  const users = rows.map((row) => ({
    ...row,
    activeFrom: dataSource.driver.prepareHydratedValue(row.activeFrom, activeFromColumn) as Date,
    removedAt: dataSource.driver.prepareHydratedValue(
      row.removedAt,
      removedAtColumn,
    ) as Date | null,
  }));
  // sorted here, not by the database: MariaDB sorts 100,000 rows this wide on disk (its sort
  // buffer is 2 MB by default), which took seconds for the largest company
  users.sort((a, b) => compareKeys(a.sortKey, b.sortKey) || compareKeys(a.id, b.id));
  const siteIds = new Set(users.map((user) => user.siteId));
  if (siteIds.size === 0) return [];
  // By company, not `id IN (…)`: a company with 10,000 sites would bind 10,000 parameters, which
  // TypeORM's query builder handles in quadratic time. Sites without users are dropped below.
  const periodsQuery = source
    .getRepository(SiteActivePeriodEntity)
    .createQueryBuilder('period')
    .select(['period.id', 'period.siteId', 'period.startedAt', 'period.endedAt']);
  const [companySites, periods] = await Promise.all([
    source.getRepository(SiteEntity).find({
      select: { id: true, name: true, nameKey: true, createdAt: true, deactivatedAt: true },
      where: 'companyId' in of ? { companyId: of.companyId } : { id: In([...of.siteIds]) },
    }),
    'companyId' in of
      ? periodsQuery
          .innerJoin(SiteEntity, 'site', 'site.id = period.siteId')
          .where('site.companyId = :companyId', { companyId: of.companyId })
          .getMany()
      : periodsQuery.where('period.siteId IN (:...siteIds)', { siteIds: of.siteIds }).getMany(),
  ]);
  const sites = companySites.filter((site) => siteIds.has(site.id));
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
      spans: [billedSpanOf(user)],
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
    .sort((a, b) => compareKeys(a.site.nameKey, b.site.nameKey));
}
