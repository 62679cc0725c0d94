import { Brackets, type DataSource } from 'typeorm';
import { ACCESS_LEVEL_RIGHTS, utcDay, type Locale, type Localized } from '@entry/shared';
import { sqlDateTime } from '../database/sql-values';
import { pricePerUserMonth } from '../billing/pricing';
import type { CompanyEntity } from '../companies/company.entity';
import type { Viewer } from '../auth/viewer';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { EntryUserEntity } from '../sites/entry-user.entity';
import { applySiteScope, type SiteScope } from '../sites/site-scope';
import { visibleSites } from '../sites/sites.service';
import { periodOf } from '../billing/billing-period';
import { draftInvoice } from '../billing/invoice-draft';
import { loadCompanyUsage, type SiteUsage } from '../billing/usage';
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

/**
 * Entry app users of the active sites the scope may see who are active now: not removed, moved
 * in (not UPCOMING), and not past their move-out day.
 */
export async function currentEntryUserCount(
  dataSource: DataSource,
  scope: SiteScope,
  now = new Date(),
): Promise<number> {
  const query = dataSource
    .getRepository(EntryUserEntity)
    .createQueryBuilder('entryUser')
    .innerJoin('entryUser.site', 'site')
    .where('entryUser.removedAt IS NULL')
    .andWhere('entryUser.activeFrom <= :now', { now: sqlDateTime(dataSource, now) })
    .andWhere(
      new Brackets((where) =>
        where
          .where('entryUser.moveOutDate IS NULL')
          .orWhere('entryUser.moveOutDate >= :today', { today: utcDay(now) }),
      ),
    )
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

/** The estimate is shown without VAT (the rate depends on the VAT number at invoicing). */
const NO_VAT = { rateBasisPoints: 0, reverseCharge: false } as const;

const VAT_NOTE: Localized = {
  en: 'Estimate without VAT: VAT is added on the invoice.',
  nl: 'Schatting zonder btw: de btw komt er op de factuur bij.',
  sv: 'Uppskattning utan moms: moms tillkommer på fakturan.',
  fr: 'Estimation hors TVA : la TVA est ajoutée sur la facture.',
};

/**
 * The current month's invoice as it stands, computed by the same code as the real invoice
 * (billing/usage.ts + invoice-draft.ts): what is still active counts until the month's end.
 */
export async function nextInvoiceEstimate(
  dataSource: DataSource,
  company: CompanyEntity,
  prices: Readonly<Record<string, number>>,
  locale: Locale,
  now = new Date(),
): Promise<InvoiceEstimateObject> {
  const month = periodOf(now.getUTCFullYear(), now.getUTCMonth() + 1);
  const unitAmount = pricePerUserMonth(company.currency, prices);
  const usage = await loadCompanyUsage(dataSource, company.id, month);
  const draft = draftInvoice(usage, month, unitAmount, NO_VAT);
  const siteActiveNow = (spans: SiteUsage['siteSpans']) => spans.some((span) => span.to === null);
  // moved in and not yet out (an UPCOMING user or one moving out later this month is billed
  // for part of it, but is not active now)
  const userActiveNow = (spans: SiteUsage['siteSpans']) =>
    spans.some((span) => span.from <= now && (span.to === null || span.to >= now));
  const activeEntryUsers = usage
    .filter((site) => siteActiveNow(site.siteSpans))
    .reduce(
      (count, site) => count + site.users.filter((user) => userActiveNow(user.spans)).length,
      0,
    );
  return {
    currency: company.currency,
    periodStart: month.firstDay,
    periodEnd: month.lastDay,
    activeEntryUsers,
    billedEntryUsers: draft?.lines.reduce((count, line) => count + line.quantity, 0) ?? 0,
    unitAmount,
    subtotal: draft?.subtotal ?? 0,
    note: VAT_NOTE[locale],
  };
}
