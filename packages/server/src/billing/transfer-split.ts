import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import { foldForSearch, LIMITS } from '@entry/shared';
import { SiteTransferEntity, SiteTransferStatus } from '../site-transfers/site-transfer.entity';
import type { BillingPeriod } from './billing-period';
import type { ActiveSpan } from './proration';

/**
 * How a month is split between the companies that held a site during it (issue 17). A transfer
 * accepted on day D makes D the receiver's first billed day: the sender's holding ends at the last
 * instant of D-1, the receiver's starts at 00:00 UTC on D, so every day is billed to exactly one
 * of them. An operator's undo is the same change backwards, on the UTC day of the undo.
 *
 * The split is applied to the site's active spans: proration.ts counts a user's day when the
 * user AND the site were active that day, so clipping the site's spans to the company's holding
 * is all it takes (prorateSite and draftInvoice stay as they are).
 */

/** A site changing hands: an accepted transfer, or an undo of one (from and to swapped). */
export interface HolderChange {
  readonly siteId: string;
  /** YYYY-MM-DD (UTC): the new holder's first day */
  readonly day: string;
  /** when it happened: orders two changes of one day */
  readonly at: Date;
  readonly from: string;
  readonly to: string;
  /** the site's name at the change: the line of the company that lost it keeps this name */
  readonly siteName: string;
}

function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Oldest first; two changes of one day in the order they happened. */
function chronological(a: HolderChange, b: HolderChange): number {
  return a.day < b.day ? -1 : a.day > b.day ? 1 : a.at.getTime() - b.at.getTime();
}

/**
 * The changes of sites to or from `companyId` whose day falls on or after the period's first day
 * (earlier ones cannot split it). One indexed statement; a company has few transfers.
 */
export async function loadHolderChanges(
  source: DataSource | EntityManager,
  companyId: string,
  period: Pick<BillingPeriod, 'firstDay'>,
): Promise<HolderChange[]> {
  const rows = await source
    .getRepository(SiteTransferEntity)
    .createQueryBuilder('transfer')
    .where('transfer.status = :accepted', { accepted: SiteTransferStatus.ACCEPTED })
    .andWhere(
      new Brackets((where) =>
        where
          .where('transfer.fromCompanyId = :companyId', { companyId })
          .orWhere('transfer.toCompanyId = :companyId', { companyId }),
      ),
    )
    .andWhere(
      new Brackets((where) =>
        where
          .where('transfer.effectiveDate >= :firstDay', { firstDay: period.firstDay })
          .orWhere('transfer.undoEffectiveDate >= :firstDay', { firstDay: period.firstDay }),
      ),
    )
    .getMany();
  const changes: HolderChange[] = [];
  for (const row of rows) {
    const { siteId, siteName, fromCompanyId, toCompanyId } = row;
    if (!toCompanyId || !row.effectiveDate || !row.decidedAt) continue;
    if (row.effectiveDate >= period.firstDay)
      changes.push({
        siteId,
        day: row.effectiveDate,
        at: row.decidedAt,
        from: fromCompanyId,
        to: toCompanyId,
        siteName,
      });
    if (row.undoEffectiveDate && row.undoneAt && row.undoEffectiveDate >= period.firstDay)
      changes.push({
        siteId,
        day: row.undoEffectiveDate,
        at: row.undoneAt,
        from: toCompanyId,
        to: fromCompanyId,
        siteName,
      });
  }
  return changes.sort(chronological);
}

/**
 * When `companyId` held the site, from the site's changes to or from it (chronological, all on
 * or after the period's first day): from the period's start if the first change takes it away,
 * and open-ended if the last one gives it. Each holding ends at the instant before its end day.
 */
export function holdingSpans(
  changes: readonly HolderChange[],
  companyId: string,
  periodStart: Date,
): ActiveSpan[] {
  const spans: ActiveSpan[] = [];
  let heldSince: Date | null = changes[0]?.from === companyId ? periodStart : null;
  for (const change of changes) {
    if (change.to === companyId && heldSince === null) heldSince = startOfDay(change.day);
    else if (change.from === companyId && heldSince !== null) {
      spans.push({ from: heldSince, to: new Date(startOfDay(change.day).getTime() - 1) });
      heldSince = null;
    }
  }
  if (heldSince !== null) spans.push({ from: heldSince, to: null });
  return spans;
}

/** The parts of `spans` inside `within` (both inclusive of their ends; null: still going). */
export function intersectSpans(
  spans: readonly ActiveSpan[],
  within: readonly ActiveSpan[],
): ActiveSpan[] {
  const out: ActiveSpan[] = [];
  for (const a of spans)
    for (const b of within) {
      const from = a.from > b.from ? a.from : b.from;
      const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
      if (to === null || from.getTime() <= to.getTime()) out.push({ from, to });
    }
  return out;
}

/** What the split needs of one site's usage (usage.ts SiteUsage). */
interface SplittableUsage {
  readonly site: { readonly id: string; readonly name: string; readonly nameKey: string };
  readonly siteSpans: readonly ActiveSpan[];
}

export interface TransferSplit {
  /** sites the company held during the period and no longer holds: their usage is loaded by id */
  readonly formerSiteIds: readonly string[];
  /** the usage of the sites held and formerly held, each site's spans cut to the company's days */
  apply<U extends SplittableUsage>(usage: readonly U[]): U[];
}

/** The split for one company and period, from its holder changes (loadHolderChanges). */
export function transferSplit(
  companyId: string,
  period: Pick<BillingPeriod, 'start'>,
  changes: readonly HolderChange[],
): TransferSplit {
  const bySite = new Map<string, HolderChange[]>();
  for (const change of changes) {
    const list = bySite.get(change.siteId) ?? [];
    list.push(change);
    bySite.set(change.siteId, list);
  }
  const formerSiteIds = [...bySite]
    .filter(([, list]) => list.at(-1)!.to !== companyId)
    .map(([siteId]) => siteId);
  return {
    formerSiteIds,
    apply<U extends SplittableUsage>(usage: readonly U[]): U[] {
      const split = usage.map((entry): U => {
        const siteChanges = bySite.get(entry.site.id);
        if (!siteChanges) return entry;
        const siteSpans = intersectSpans(
          entry.siteSpans,
          holdingSpans(siteChanges, companyId, period.start),
        );
        if (siteChanges.at(-1)!.to === companyId) return { ...entry, siteSpans };
        // no longer ours: the line keeps the name the site had when it left us
        const lostAs = siteChanges.filter((change) => change.from === companyId).at(-1)!;
        const name = lostAs.siteName;
        const site = {
          id: entry.site.id,
          name,
          nameKey: foldForSearch(name).slice(0, LIMITS.siteName),
        };
        return { ...entry, site, siteSpans };
      });
      return split.sort((a, b) =>
        a.site.nameKey < b.site.nameKey ? -1 : a.site.nameKey > b.site.nameKey ? 1 : 0,
      );
    },
  };
}

/** The split of `companyId`'s usage for the period: one statement. */
export async function loadTransferSplit(
  source: DataSource | EntityManager,
  companyId: string,
  period: Pick<BillingPeriod, 'start' | 'firstDay'>,
): Promise<TransferSplit> {
  return transferSplit(companyId, period, await loadHolderChanges(source, companyId, period));
}
