import { Brackets, type DataSource } from 'typeorm';
import { ACCESS_LEVEL_RIGHTS, type Locale, type Localized } from '@entry/shared';
import { pricePerUserMonth } from '../billing/pricing';
import type { CompanyEntity } from '../companies/company.entity';
import { sqlDateTime } from '../database/sql-values';
import type { Viewer } from '../graphql/context';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { EntryUserEntity } from '../sites/entry-user.entity';
import { SiteActivePeriodEntity } from '../sites/site-active-period.entity';
import { applySiteScope, type SiteScope } from '../sites/site-scope';
import { SiteEntity } from '../sites/site.entity';
import { visibleSites } from '../sites/sites.service';
import { billingMonthOf, estimateSubtotal, type ActiveInterval } from './invoice-estimate';
import type { InvoiceEstimateObject } from './dashboard.type';

export interface SiteCounts {
  readonly total: number;
  readonly active: number;
}

/** Sites the scope may see: all of them, and the active ones (one statement). */
export async function siteCounts(dataSource: DataSource, scope: SiteScope): Promise<SiteCounts> {
  const row = await visibleSites(dataSource.manager, scope)
    .select('COUNT(*)', 'total')
    .addSelect('SUM(CASE WHEN site.active = 1 THEN 1 ELSE 0 END)', 'active')
    .getRawOne<{ total: unknown; active: unknown }>();
  return { total: Number(row?.total ?? 0), active: Number(row?.active ?? 0) };
}

/** Current Entry app users of the active sites the scope may see. */
export async function currentEntryUserCount(
  dataSource: DataSource,
  scope: SiteScope,
): Promise<number> {
  const query = dataSource
    .getRepository(EntryUserEntity)
    .createQueryBuilder('entryUser')
    .innerJoin('entryUser.site', 'site')
    .where('entryUser.removedAt IS NULL')
    .andWhere('site.active = :active', { active: true });
  return applySiteScope(query, 'site', scope).getCount();
}

/** People invited who have not accepted yet; null for levels that do not manage people. */
export async function invitedPeopleCount(
  dataSource: DataSource,
  viewer: Viewer | null,
): Promise<number | null> {
  if (viewer?.kind !== 'person' || !ACCESS_LEVEL_RIGHTS[viewer.person.accessLevel].managePeople)
    return null;
  return dataSource
    .getRepository(PersonEntity)
    .countBy({ companyId: viewer.company.id, status: PersonStatus.INVITED });
}

const VAT_NOTE: Localized = {
  en: 'Estimate without VAT: VAT is added on the invoice.',
  nl: 'Schatting zonder btw: de btw komt er op de factuur bij.',
  sv: 'Uppskattning utan moms: moms tillkommer på fakturan.',
  fr: 'Estimation hors TVA : la TVA est ajoutée sur la facture.',
};

/**
 * The current month's invoice as it stands: every Entry app user of the company counted by the
 * days they are (and, if still active, will be) active at an active site this month.
 */
export async function nextInvoiceEstimate(
  dataSource: DataSource,
  company: CompanyEntity,
  locale: Locale,
  now = new Date(),
): Promise<InvoiceEstimateObject> {
  const month = billingMonthOf(now);
  const monthStart = sqlDateTime(dataSource, month.start);
  const monthNext = sqlDateTime(dataSource, month.next);
  const users = await dataSource
    .getRepository(EntryUserEntity)
    .createQueryBuilder('entryUser')
    .select(['entryUser.siteId', 'entryUser.activeFrom', 'entryUser.removedAt'])
    .where('entryUser.companyId = :companyId', { companyId: company.id })
    .andWhere('entryUser.activeFrom < :monthNext', { monthNext })
    .andWhere(
      new Brackets((where) =>
        where
          .where('entryUser.removedAt IS NULL')
          .orWhere('entryUser.removedAt >= :monthStart', { monthStart }),
      ),
    )
    .getMany();
  const siteIds = [...new Set(users.map((user) => user.siteId))];
  const sitePeriods = new Map<string, ActiveInterval[]>();
  let activeEntryUsers = 0;
  if (siteIds.length) {
    const sites = await dataSource
      .getRepository(SiteEntity)
      .createQueryBuilder('site')
      .leftJoin(SiteActivePeriodEntity, 'period', 'period.siteId = site.id')
      .select(['site.id', 'site.active', 'site.createdAt', 'site.deactivatedAt'])
      .addSelect(['period.startedAt', 'period.endedAt'])
      .where('site.companyId = :companyId', { companyId: company.id })
      .andWhere('site.id IN (:...siteIds)', { siteIds })
      .getRawMany<Record<string, unknown>>();
    const activeSites = new Set<string>();
    const dateOf = (value: unknown) =>
      value === null || value === undefined
        ? null
        : value instanceof Date
          ? value
          : new Date(`${String(value).replace(' ', 'T')}Z`);
    for (const row of sites) {
      const id = String(row['site_id']);
      if (Number(row['site_active']) === 1 || row['site_active'] === true) activeSites.add(id);
      const list = sitePeriods.get(id) ?? [];
      sitePeriods.set(id, list);
      const startedAt = dateOf(row['period_startedAt']);
      if (startedAt) list.push({ start: startedAt, end: dateOf(row['period_endedAt']) });
      // sites from before periods were recorded: their creation and deactivation stand in
      else
        list.push({
          start: dateOf(row['site_createdAt'])!,
          end: dateOf(row['site_deactivatedAt']),
        });
    }
    activeEntryUsers = users.filter(
      (user) => user.removedAt === null && activeSites.has(user.siteId),
    ).length;
  }
  const unitAmount = pricePerUserMonth(company.currency);
  const { billedUsers, subtotal } = estimateSubtotal({
    month,
    unitAmount,
    users: users.map((user) => ({
      siteId: user.siteId,
      start: user.activeFrom,
      end: user.removedAt,
    })),
    sitePeriods,
  });
  return {
    currency: company.currency,
    periodStart: month.firstDay,
    periodEnd: month.lastDay,
    activeEntryUsers,
    billedEntryUsers: billedUsers,
    unitAmount,
    subtotal,
    note: VAT_NOTE[locale],
  };
}
