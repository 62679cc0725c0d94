import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { ACCESS_LEVEL_RIGHTS, AccessLevelCode, type Locale } from '@entry/shared';
import { decodeCursor } from '../common/connection';
import { whereFoldedContains } from '../common/search-sql';
import { PersonStatus, type PersonEntity } from '../people/person.entity';
import { EntryUserEntity } from './entry-user.entity';
import { SiteAssignmentEntity } from './site-assignment.entity';
import { applySiteScope, isId, scopeKey, type SiteScope } from './site-scope';
import { SiteEntity } from './site.entity';
import { visibleSites } from './sites.service';

/**
 * Per-request loaders of the sites feature: every relation a page of sites (or of people) can
 * reach is fetched for the whole page in one statement, so the number of statements of a request
 * does not grow with the page size. Lists nested under many parents use a window function
 * (ROW_NUMBER() OVER (PARTITION BY parent ORDER BY sort key, id)), which SQLite ≥ 3.25 and
 * MariaDB ≥ 10.2 both run.
 */

/** The filters of a nested list; parents asking with equal filters share one statement. */
export interface NestedListFilter {
  /** rows to fetch: the page size plus one (to tell whether there is a next page) */
  readonly limit: number;
  readonly after: string | null;
  readonly search: string | null;
  readonly locale: Locale;
}

export interface EntryUserListKey {
  readonly siteId: string;
  readonly search: string | null;
  readonly includeRemoved: boolean;
}

export type EntryUserPageKey = EntryUserListKey & NestedListFilter;

export interface PersonSitesKey {
  readonly personId: string;
  readonly companyId: string;
  readonly accessLevel: AccessLevelCode;
}

export type PersonSitesPageKey = PersonSitesKey & NestedListFilter;
export type PersonSitesCountKey = PersonSitesKey & { readonly search: string | null };

const jsonKey = (key: object) => JSON.stringify(key);

/** Splits keys into groups that share everything but the parent id, keeping their positions. */
function groupBy<K>(keys: readonly K[], groupOf: (key: K) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const group = groupOf(key);
    const positions = groups.get(group);
    if (positions) positions.push(index);
    else groups.set(group, [index]);
  });
  return groups;
}

const toNumber = (value: unknown) => Number(value ?? 0);

export function createSiteLoaders(dataSource: DataSource) {
  const manager = dataSource.manager;

  const entryUserCounts = new DataLoader<EntryUserListKey, number, string>(
    async (keys) => {
      const counts = new Array<number>(keys.length).fill(0);
      const groups = groupBy(keys, ({ search, includeRemoved }) =>
        jsonKey({ search, includeRemoved }),
      );
      for (const positions of groups.values()) {
        const { search, includeRemoved } = keys[positions[0]!]!;
        const siteIds = [...new Set(positions.map((i) => keys[i]!.siteId))];
        const query = manager
          .getRepository(EntryUserEntity)
          .createQueryBuilder('entryUser')
          .select('entryUser.siteId', 'siteId')
          .addSelect('COUNT(*)', 'count')
          .where('entryUser.siteId IN (:...siteIds)', { siteIds })
          .groupBy('entryUser.siteId');
        if (!includeRemoved) query.andWhere('entryUser.removedAt IS NULL');
        whereFoldedContains(query, 'entryUser.searchText', search);
        const rows = await query.getRawMany<{ siteId: string; count: unknown }>();
        const bySite = new Map(rows.map((row) => [row.siteId, toNumber(row.count)]));
        for (const i of positions) counts[i] = bySite.get(keys[i]!.siteId) ?? 0;
      }
      return counts;
    },
    { cacheKeyFn: jsonKey },
  );

  const entryUserPages = new DataLoader<EntryUserPageKey, EntryUserEntity[], string>(
    async (keys) => {
      const pages: EntryUserEntity[][] = keys.map(() => []);
      const groups = groupBy(keys, ({ siteId: _siteId, ...filter }) => jsonKey(filter));
      for (const positions of groups.values()) {
        const { limit, after, search, includeRemoved, locale } = keys[positions[0]!]!;
        const siteIds = [...new Set(positions.map((i) => keys[i]!.siteId))];
        const ranked = manager
          .getRepository(EntryUserEntity)
          .createQueryBuilder('ranked')
          .select('ranked.id', 'id')
          .addSelect(
            'ROW_NUMBER() OVER (PARTITION BY ranked.siteId ORDER BY ranked.sortKey, ranked.id)',
            'rowNumber',
          )
          .where('ranked.siteId IN (:...siteIds)', { siteIds });
        if (!includeRemoved) ranked.andWhere('ranked.removedAt IS NULL');
        whereFoldedContains(ranked, 'ranked.searchText', search);
        if (after) {
          const [cursorSort, cursorId] = decodeCursor(after, locale);
          ranked.andWhere(
            '(ranked.sortKey > :cursorSort OR (ranked.sortKey = :cursorSort AND ranked.id > :cursorId))',
            { cursorSort, cursorId },
          );
        }
        const rows = await manager
          .getRepository(EntryUserEntity)
          .createQueryBuilder('entryUser')
          .where(
            `entryUser.id IN (SELECT page.id FROM (${ranked.getQuery()}) page WHERE page.rowNumber <= :limit)`,
          )
          .setParameters({ ...ranked.getParameters(), limit })
          .orderBy('entryUser.siteId', 'ASC')
          .addOrderBy('entryUser.sortKey', 'ASC')
          .addOrderBy('entryUser.id', 'ASC')
          .getMany();
        const bySite = new Map<string, EntryUserEntity[]>();
        for (const row of rows) {
          const list = bySite.get(row.siteId);
          if (list) list.push(row);
          else bySite.set(row.siteId, [row]);
        }
        for (const i of positions) pages[i] = bySite.get(keys[i]!.siteId) ?? [];
      }
      return pages;
    },
    { cacheKeyFn: jsonKey },
  );

  /** the site admins assigned to each site, by name (people removed from the company left out) */
  const siteAdmins = new DataLoader<string, PersonEntity[]>(async (siteIds) => {
    const assignments = await manager
      .getRepository(SiteAssignmentEntity)
      .createQueryBuilder('assignment')
      .innerJoinAndSelect('assignment.person', 'person')
      .where('assignment.siteId IN (:...siteIds)', { siteIds: [...siteIds] })
      .andWhere('person.accessLevel = :level', { level: AccessLevelCode.SITE_ADMIN })
      .andWhere('person.status != :disabled', { disabled: PersonStatus.DISABLED })
      .orderBy('person.sortKey', 'ASC')
      .addOrderBy('person.id', 'ASC')
      .getMany();
    const bySite = new Map<string, PersonEntity[]>();
    for (const { siteId, person } of assignments) {
      if (!person) continue;
      const list = bySite.get(siteId);
      if (list) list.push(person);
      else bySite.set(siteId, [person]);
    }
    return siteIds.map((id) => bySite.get(id) ?? []);
  });

  const scoped = new Map<string, ReturnType<typeof createScopedLoaders>>();
  return {
    entryUserCounts,
    entryUserPages,
    siteAdmins,
    /** loaders that answer only within what the viewer may see */
    forScope(scope: SiteScope) {
      const key = scopeKey(scope);
      let loaders = scoped.get(key);
      if (!loaders) {
        loaders = createScopedLoaders(dataSource, scope);
        scoped.set(key, loaders);
      }
      return loaders;
    },
  };
}

function createScopedLoaders(dataSource: DataSource, scope: SiteScope) {
  const manager = dataSource.manager;

  const siteById = new DataLoader<string, SiteEntity | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isId))];
    if (!valid.length) return ids.map(() => null);
    const rows = await visibleSites(manager, scope)
      .andWhere('site.id IN (:...ids)', { ids: valid })
      .getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const allSites = (key: PersonSitesKey) => ACCESS_LEVEL_RIGHTS[key.accessLevel].allSites;

  /**
   * The sites of each person, as the viewer may see them: for all-sites levels every site of
   * the person's company, for site admins their assigned ones.
   */
  const personSitePages = new DataLoader<PersonSitesPageKey, SiteEntity[], string>(
    async (keys) => {
      const pages: SiteEntity[][] = keys.map(() => []);
      const groups = groupBy(keys, (key) =>
        jsonKey({
          limit: key.limit,
          after: key.after,
          search: key.search,
          all: allSites(key),
          company: allSites(key) ? key.companyId : null,
        }),
      );
      for (const positions of groups.values()) {
        const first = keys[positions[0]!]!;
        const keyset = (alias: string, query: ReturnType<typeof visibleSites>) => {
          if (!first.after) return;
          const [cursorSort, cursorId] = decodeCursor(first.after, first.locale);
          query.andWhere(
            `(${alias}.nameKey > :cursorSort OR (${alias}.nameKey = :cursorSort AND ${alias}.id > :cursorId))`,
            { cursorSort, cursorId },
          );
        };
        if (allSites(first)) {
          // the same list for every such person of the company: one query
          const query = visibleSites(manager, scope, { search: first.search }).andWhere(
            'site.companyId = :personCompanyId',
            { personCompanyId: first.companyId },
          );
          keyset('site', query);
          const rows = await query
            .orderBy('site.nameKey', 'ASC')
            .addOrderBy('site.id', 'ASC')
            .limit(first.limit)
            .getMany();
          for (const i of positions) pages[i] = rows;
          continue;
        }
        const personIds = [...new Set(positions.map((i) => keys[i]!.personId))];
        const ranked = manager
          .getRepository(SiteEntity)
          .createQueryBuilder('site')
          .innerJoin(SiteAssignmentEntity, 'assignment', 'assignment.siteId = site.id')
          .select('assignment.personId', 'personId')
          .addSelect('site.id', 'siteId')
          .addSelect(
            'ROW_NUMBER() OVER (PARTITION BY assignment.personId ORDER BY site.nameKey, site.id)',
            'rowNumber',
          )
          .where('assignment.personId IN (:...personIds)', { personIds });
        applySiteScope(ranked, 'site', scope);
        whereFoldedContains(ranked, 'site.searchText', first.search);
        keyset('site', ranked);
        const rows = await manager
          .createQueryBuilder()
          .select('page.personId', 'personId')
          .addSelect('page.siteId', 'siteId')
          .from(`(${ranked.getQuery()})`, 'page')
          .where('page.rowNumber <= :limit')
          .setParameters({ ...ranked.getParameters(), limit: first.limit })
          .orderBy('page.personId', 'ASC')
          .addOrderBy('page.rowNumber', 'ASC')
          .getRawMany<{ personId: string; siteId: string }>();
        const sites = await siteById.loadMany([...new Set(rows.map((row) => row.siteId))]);
        const siteOf = new Map(
          sites
            .filter((site): site is SiteEntity => site instanceof SiteEntity)
            .map((s) => [s.id, s]),
        );
        const byPerson = new Map<string, SiteEntity[]>();
        for (const row of rows) {
          const site = siteOf.get(row.siteId);
          if (!site) continue;
          const list = byPerson.get(row.personId);
          if (list) list.push(site);
          else byPerson.set(row.personId, [site]);
        }
        for (const i of positions) pages[i] = byPerson.get(keys[i]!.personId) ?? [];
      }
      return pages;
    },
    { cacheKeyFn: jsonKey },
  );

  const personSiteCounts = new DataLoader<PersonSitesCountKey, number, string>(
    async (keys) => {
      const counts = new Array<number>(keys.length).fill(0);
      const groups = groupBy(keys, (key) =>
        jsonKey({
          search: key.search,
          all: allSites(key),
          company: allSites(key) ? key.companyId : null,
        }),
      );
      for (const positions of groups.values()) {
        const first = keys[positions[0]!]!;
        if (allSites(first)) {
          const count = await visibleSites(manager, scope, { search: first.search })
            .andWhere('site.companyId = :personCompanyId', { personCompanyId: first.companyId })
            .getCount();
          for (const i of positions) counts[i] = count;
          continue;
        }
        const personIds = [...new Set(positions.map((i) => keys[i]!.personId))];
        const query = manager
          .getRepository(SiteEntity)
          .createQueryBuilder('site')
          .innerJoin(SiteAssignmentEntity, 'assignment', 'assignment.siteId = site.id')
          .select('assignment.personId', 'personId')
          .addSelect('COUNT(*)', 'count')
          .where('assignment.personId IN (:...personIds)', { personIds })
          .groupBy('assignment.personId');
        applySiteScope(query, 'site', scope);
        whereFoldedContains(query, 'site.searchText', first.search);
        const rows = await query.getRawMany<{ personId: string; count: unknown }>();
        const byPerson = new Map(rows.map((row) => [row.personId, toNumber(row.count)]));
        for (const i of positions) counts[i] = byPerson.get(keys[i]!.personId) ?? 0;
      }
      return counts;
    },
    { cacheKeyFn: jsonKey },
  );

  return { siteById, personSitePages, personSiteCounts };
}

export type SiteLoaders = ReturnType<typeof createSiteLoaders>;
