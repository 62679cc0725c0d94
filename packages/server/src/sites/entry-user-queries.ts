import type { EntityManager } from 'typeorm';
import { whereFoldedContains } from '../common/search-sql';
import { EntryUserEntity } from './entry-user.entity';

/** Which of a site's Entry app users a list shows. */
export interface EntryUserFilter {
  readonly search: string | null;
  /** removed users too (billing history); otherwise current users only */
  readonly includeRemoved: boolean;
}

/** What Site.entryUserCount counts: the current users, no search. */
export const CURRENT_USERS: EntryUserFilter = { search: null, includeRemoved: false };

/** The Entry app users a list with this filter shows, of any site: callers narrow by site. */
export function entryUsersOf(manager: EntityManager, alias: string, filter: EntryUserFilter) {
  const query = manager.getRepository(EntryUserEntity).createQueryBuilder(alias);
  if (!filter.includeRemoved) query.andWhere(`${alias}.removedAt IS NULL`);
  return whereFoldedContains(query, `${alias}.searchText`, filter.search);
}

/**
 * Site.entryUserCount as a correlated subquery on `siteIdColumn` (qualified, written by us), for
 * a page statement to read each site's count with its row. It takes no parameters.
 */
export function currentEntryUserCountSql(manager: EntityManager, siteIdColumn: string): string {
  return entryUsersOf(manager, 'counted', CURRENT_USERS)
    .select('COUNT(*)')
    .andWhere(`counted.siteId = ${siteIdColumn}`)
    .getQuery();
}
