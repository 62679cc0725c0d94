import { IsNull, type EntityManager } from 'typeorm';
import { ApiKeySiteEntity } from '../api-keys/api-key.entity';
import { lockRows } from '../database/row-locks';
import { EntryUserEntity } from '../sites/entry-user.entity';
import { SiteAssignmentEntity } from '../sites/site-assignment.entity';
import { SiteEntity } from '../sites/site.entity';

export interface SiteMove {
  /** the site as it is now, the receiver's */
  readonly site: SiteEntity;
  /** the receiver already had a site of this name: the moved one keeps it, in the next slot */
  readonly nameAlreadyUsed: boolean;
  /** current Entry app users that moved with it */
  readonly entryUserCount: number;
}

/**
 * The site `siteId`, locked until the commit (FOR UPDATE on MariaDB), if `companyId` holds it. The
 * site writes of its holder read it with a shared lock (sites.service.ts requireVisibleSite), so
 * they finish before a move, or wait for it and then find the site gone.
 */
export async function lockHeldSite(
  manager: EntityManager,
  siteId: string,
  companyId: string,
): Promise<SiteEntity | null> {
  const query = manager
    .getRepository(SiteEntity)
    .createQueryBuilder('site')
    .where('site.id = :siteId AND site.companyId = :companyId', { siteId, companyId });
  return lockRows(query, 'update').getOne();
}

/**
 * Gives a site to another company inside the caller's transaction: the site, every Entry app user
 * it ever had (current, upcoming, removed: the month's billing history stays whole) and so its
 * active periods; what tied it to the old holder ends (its site admins' assignments, its API
 * keys' site lists, its cost centre). `site` must come from lockHeldSite. Names are compared as createSite does:
 * a name the receiver uses already is kept, in the next free slot of the unique index.
 */
export async function moveSite(
  manager: EntityManager,
  site: SiteEntity,
  toCompanyId: string,
  now: Date,
): Promise<SiteMove> {
  const sameName = await manager
    .getRepository(SiteEntity)
    .createQueryBuilder('site')
    .select('MAX(site.nameSlot)', 'slot')
    .where('site.companyId = :toCompanyId AND site.nameKey = :nameKey', {
      toCompanyId,
      nameKey: site.nameKey,
    })
    .getRawOne<{ slot: number | string | null }>();
  const highest =
    sameName?.slot === null || sameName?.slot === undefined ? null : Number(sameName.slot);
  const changes = {
    companyId: toCompanyId,
    nameSlot: highest === null ? 0 : highest + 1,
    // the old holder's booking code: the receiver's invoices must not carry it
    costCenter: null,
    updatedAt: now,
  };
  await manager.getRepository(SiteEntity).update({ id: site.id }, changes);
  await manager
    .getRepository(EntryUserEntity)
    .update({ siteId: site.id }, { companyId: toCompanyId });
  await manager.getRepository(SiteAssignmentEntity).delete({ siteId: site.id });
  await manager.getRepository(ApiKeySiteEntity).delete({ siteId: site.id });
  const entryUserCount = await currentEntryUserCount(manager, site.id);
  return {
    site: Object.assign(site, changes),
    nameAlreadyUsed: highest !== null,
    entryUserCount,
  };
}

/** The site's current Entry app users (not removed): what a transfer says moves with it. */
export function currentEntryUserCount(manager: EntityManager, siteId: string): Promise<number> {
  return manager.getRepository(EntryUserEntity).countBy({ siteId, removedAt: IsNull() });
}
