import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ACCESS_LEVEL_RIGHTS, AccessLevelCode, type Locale } from '@entry/shared';
import {
  addListTotal,
  addWindowTotal,
  pageCountsTotal,
  TOTAL,
  totalOfRows,
  whereAfter,
} from '../common/connection';
import { whereFoldedContains } from '../common/search-sql';
import { loadPageRows, type PageRow } from '../common/page-rows';
import { entityRows, queryRows } from '../database/entity-rows';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import { EntryUserEntity } from './entry-user.entity';
import {
  CURRENT_USERS,
  currentEntryUserCountSql,
  entryUsersOf,
  type EntryUserFilter,
} from './entry-user-queries';
import type { NestedPage } from './nested-connection';
import { SiteAssignmentEntity } from './site-assignment.entity';
import { applySiteScope, isId, scopeKey, type SiteScope } from './site-scope';
import { SiteEntity } from './site.entity';
import { visibleSites } from './sites.service';

/**
 * Per-request loaders of the sites feature: every relation a page of sites (or of people) can
 * reach is fetched for the whole page in one statement, so the number of statements of a request
 * does not grow with the page size. Lists nested under many parents use window functions
 * (ROW_NUMBER() OVER (PARTITION BY parent ORDER BY sort key, id) for the page, COUNT(*) OVER
 * (PARTITION BY parent) for a first page's total), which SQLite ≥ 3.25 and MariaDB ≥ 10.2 both
 * run. Statements that read counts along with their rows prime the count loaders, so the count
 * fields find them without a statement of their own.
 */

/** The filters of a nested list; parents asking with equal filters share one statement. */
export interface NestedListFilter {
  /** rows to fetch: the page size plus one (to tell whether there is a next page) */
  readonly limit: number;
  readonly after: string | null;
  readonly search: string | null;
  readonly locale: Locale;
}

export interface EntryUserListKey extends EntryUserFilter {
  readonly siteId: string;
}

export type EntryUserPageKey = EntryUserListKey & NestedListFilter;

export interface PersonSitesKey {
  readonly personId: string;
  readonly companyId: string;
  readonly accessLevel: AccessLevelCode;
}

export type PersonSitesPageKey = PersonSitesKey &
  NestedListFilter & {
    /** the client reads entryUserCount of these sites: the page statement reads it too */
    readonly withEntryUserCounts: boolean;
  };
export type PersonSitesCountKey = PersonSitesKey & { readonly search: string | null };

/** Site counts a statement read with its rows: [siteId, current Entry app users]. */
export type EntryUserCounts = Iterable<readonly [siteId: string, count: number]>;

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

/** Page rows by the parent they belong to, in page order. */
function rowsByParent<T>(rows: readonly PageRow<T>[], parentOf: (row: PageRow<T>) => string) {
  const byParent = new Map<string, PageRow<T>[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    const list = byParent.get(parent);
    if (list) list.push(row);
    else byParent.set(parent, [row]);
  }
  return byParent;
}

/** A parent's page, with its total when the statement counted the list. */
function nestedPage<T>(rows: readonly PageRow<T>[] | undefined, counted: boolean): NestedPage<T> {
  return {
    rows: (rows ?? []).map((row) => row.entity),
    total: counted ? totalOfRows(rows?.[0]?.values) : null,
  };
}

const toNumber = (value: unknown) => Number(value ?? 0);

export function createSiteLoaders(dataSource: DataSource) {
  const manager = dataSource.manager;

  const entryUserCounts = new DataLoader<EntryUserListKey, number, string>(
    async (keys) => {
      const counts = new Array<number>(keys.length).fill(0);
      const groups = groupBy(keys, ({ search, includeRemoved }) =>
        jsonKey([search, includeRemoved]),
      );
      for (const positions of groups.values()) {
        const siteIds = [...new Set(positions.map((i) => keys[i]!.siteId))];
        const rows = await entryUsersOf(manager, 'entryUser', keys[positions[0]!]!)
          .select('entryUser.siteId', 'siteId')
          .addSelect('COUNT(*)', 'count')
          .andWhere('entryUser.siteId IN (:...siteIds)', { siteIds })
          .groupBy('entryUser.siteId')
          .getRawMany<{ siteId: string; count: unknown }>();
        const bySite = new Map(rows.map((row) => [row.siteId, toNumber(row.count)]));
        for (const i of positions) counts[i] = bySite.get(keys[i]!.siteId) ?? 0;
      }
      return counts;
    },
    // primed and loaded keys are built in different places: the key must not hang on their order
    {
      cacheKeyFn: ({ siteId, search, includeRemoved }) => jsonKey([siteId, search, includeRemoved]),
    },
  );

  const currentUsersOf = (siteId: string): EntryUserListKey => ({ siteId, ...CURRENT_USERS });

  /** Site.entryUserCount: the counts a page statement read already, else one statement per batch */
  const primeEntryUserCounts = (counts: EntryUserCounts) => {
    for (const [siteId, count] of counts) entryUserCounts.prime(currentUsersOf(siteId), count);
  };

  const entryUserPages = new DataLoader<EntryUserPageKey, NestedPage<EntryUserEntity>, string>(
    async (keys) => {
      const pages = new Array<NestedPage<EntryUserEntity>>(keys.length);
      const groups = groupBy(keys, ({ siteId: _siteId, ...filter }) => jsonKey(filter));
      for (const positions of groups.values()) {
        const first = keys[positions[0]!]!;
        const siteIds = [...new Set(positions.map((i) => keys[i]!.siteId))];
        const listed = entryUsersOf(manager, 'listed', first)
          .select('listed.id', 'id')
          .addSelect(
            'ROW_NUMBER() OVER (PARTITION BY listed.siteId ORDER BY listed.sortKey, listed.id)',
            'rowNumber',
          )
          .andWhere('listed.siteId IN (:...siteIds)', { siteIds });
        whereAfter(listed, 'listed.sortKey', 'listed.id', first.after, first.locale);
        const counted = addWindowTotal(listed, first.after, 'listed.siteId');
        const rows = await loadPageRows(
          manager,
          EntryUserEntity,
          'entryUser',
          `SELECT ranked.* FROM (${listed.getQuery()}) ranked WHERE ranked.rowNumber <= :pageLimit`,
          { ...listed.getParameters(), pageLimit: first.limit },
          {
            columns: counted ? [TOTAL] : [],
            orderBy: ['entryUser.siteId', 'entryUser.sortKey', 'entryUser.id'],
          },
        );
        const bySite = rowsByParent(rows, (row) => row.entity.siteId);
        for (const i of positions) pages[i] = nestedPage(bySite.get(keys[i]!.siteId), counted);
      }
      return pages;
    },
    { cacheKeyFn: jsonKey },
  );

  /** the site admins assigned to each site, by name (people removed from the company left out) */
  const siteAdmins = new DataLoader<string, PersonEntity[]>(async (siteIds) => {
    const person = entityRows(dataSource, PersonEntity, 'person');
    const rows = await queryRows(
      manager,
      `SELECT assignment.siteId AS assignment_siteId, ${person.columns}
         FROM site_assignment assignment INNER JOIN ${person.from} ON person.id = assignment.personId
        WHERE assignment.siteId IN (:...siteIds) AND person.accessLevel = :level
          AND person.status != :disabled
        ORDER BY person.sortKey ASC, person.id ASC`,
      { siteIds: [...siteIds], level: AccessLevelCode.SITE_ADMIN, disabled: PersonStatus.DISABLED },
    );
    const bySite = new Map<string, PersonEntity[]>();
    for (const row of rows) {
      const admin = person.read(row);
      if (!admin) continue;
      const siteId = String(row['assignment_siteId']);
      const list = bySite.get(siteId);
      if (list) list.push(admin);
      else bySite.set(siteId, [admin]);
    }
    return siteIds.map((id) => bySite.get(id) ?? []);
  });

  const scoped = new Map<string, ReturnType<typeof createScopedLoaders>>();
  return {
    entryUserCounts,
    entryUserPages,
    siteAdmins,
    currentEntryUserCount: (siteId: string) => entryUserCounts.load(currentUsersOf(siteId)),
    primeEntryUserCounts,
    /** loaders that answer only within what the viewer may see */
    forScope(scope: SiteScope) {
      const key = scopeKey(scope);
      let loaders = scoped.get(key);
      if (!loaders) {
        loaders = createScopedLoaders(dataSource, scope, primeEntryUserCounts);
        scoped.set(key, loaders);
      }
      return loaders;
    },
  };
}

const allSitesOf = (key: PersonSitesKey) => ACCESS_LEVEL_RIGHTS[key.accessLevel].allSites;

/**
 * Whose list a person's sites are: a site admin's own (assigned sites, keyed by person), or, for
 * the all-sites levels, their company's (keyed by company: the same list for all of them).
 */
const listOwnerOf = (key: PersonSitesKey) => (allSitesOf(key) ? key.companyId : key.personId);

function createScopedLoaders(
  dataSource: DataSource,
  scope: SiteScope,
  primeEntryUserCounts: (counts: EntryUserCounts) => void,
) {
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

  /** The sites assigned to these site admins that the viewer may see. */
  const assignedSites = (personIds: string[], search: string | null) => {
    const query = manager
      .getRepository(SiteEntity)
      .createQueryBuilder('site')
      .innerJoin(SiteAssignmentEntity, 'assignment', 'assignment.siteId = site.id')
      .where('assignment.personId IN (:...ownerPersonIds)', { ownerPersonIds: personIds });
    applySiteScope(query, 'site', scope);
    return whereFoldedContains(query, 'site.searchText', search);
  };

  /**
   * The list of all-sites people: the sites the viewer may see, whose scope holds one company.
   * Its rows carry that company as their owner, so people of any other company find none.
   */
  const companySites = (search: string | null) => visibleSites(manager, scope, { search });

  const siteAdminIdsOf = (keys: readonly PersonSitesKey[], positions: number[]) => [
    ...new Set(positions.filter((i) => !allSitesOf(keys[i]!)).map((i) => keys[i]!.personId)),
  ];

  /**
   * A page of each person's sites, as the viewer may see them, for a whole page of people in one
   * statement: the site admins' assigned sites ranked per person, then the company's first sites
   * once for all its all-sites people (never the company's sites joined to each of them), with
   * the full site rows, each list's total on a first page and, when the client reads them, the
   * sites' Entry app user counts.
   */
  const personSitePages = new DataLoader<PersonSitesPageKey, NestedPage<SiteEntity>, string>(
    async (keys) => {
      const pages = new Array<NestedPage<SiteEntity>>(keys.length);
      const groups = groupBy(keys, ({ personId: _p, companyId: _c, accessLevel: _a, ...filter }) =>
        jsonKey(filter),
      );
      for (const positions of groups.values()) {
        const { limit, after, search, locale, withEntryUserCounts } = keys[positions[0]!]!;
        const counted = pageCountsTotal(after);
        const pageColumns = counted ? ['ownerId', TOTAL] : ['ownerId'];
        // the lists of the page, each a derived table (SQLite takes no ORDER BY or LIMIT in a
        // UNION's members), joined by UNION ALL
        const lists: string[] = [];
        const parameters: ObjectLiteral = { pageLimit: limit };
        const addList = (list: SelectQueryBuilder<SiteEntity>, where = '') => {
          const selected = ['id', ...pageColumns].map((column) => `list.${column}`).join(', ');
          lists.push(`SELECT ${selected} FROM (${list.getQuery()}) list${where}`);
          Object.assign(parameters, list.getParameters());
        };
        const siteAdminIds = siteAdminIdsOf(keys, positions);
        if (siteAdminIds.length) {
          const ranked = assignedSites(siteAdminIds, search)
            .select('site.id', 'id')
            .addSelect('assignment.personId', 'ownerId')
            .addSelect(
              'ROW_NUMBER() OVER (PARTITION BY assignment.personId ORDER BY site.nameKey, site.id)',
              'rowNumber',
            );
          whereAfter(ranked, 'site.nameKey', 'site.id', after, locale);
          addWindowTotal(ranked, after, 'assignment.personId');
          addList(ranked, ' WHERE list.rowNumber <= :pageLimit');
        }
        if (positions.some((i) => allSitesOf(keys[i]!))) {
          const listed = companySites(search)
            .select('site.id', 'id')
            .addSelect('site.companyId', 'ownerId');
          whereAfter(listed, 'site.nameKey', 'site.id', after, locale)
            .orderBy('site.nameKey', 'ASC')
            .addOrderBy('site.id', 'ASC')
            .limit(limit);
          addListTotal(listed, after, companySites(search));
          addList(listed);
        }
        const rows = await loadPageRows(
          manager,
          SiteEntity,
          'site',
          lists.join(' UNION ALL '),
          parameters,
          {
            columns: pageColumns,
            computed: withEntryUserCounts
              ? { entryUserCount: currentEntryUserCountSql(manager, 'site.id') }
              : {},
            orderBy: ['page.ownerId', 'site.nameKey', 'site.id'],
          },
        );
        if (withEntryUserCounts)
          primeEntryUserCounts(
            rows.map((row) => [row.entity.id, toNumber(row.values['entryUserCount'])]),
          );
        const byOwner = rowsByParent(rows, (row) => String(row.values['ownerId']));
        for (const i of positions)
          pages[i] = nestedPage(byOwner.get(listOwnerOf(keys[i]!)), counted);
      }
      return pages;
    },
    { cacheKeyFn: jsonKey },
  );

  /** Person.sites totalCount after a cursor (a first page counts in its own statement). */
  const personSiteCounts = new DataLoader<PersonSitesCountKey, number, string>(
    async (keys) => {
      const counts = new Array<number>(keys.length).fill(0);
      const groups = groupBy(keys, ({ search }) => jsonKey([search]));
      for (const positions of groups.values()) {
        const search = keys[positions[0]!]!.search;
        const byOwner = new Map<string, number>();
        const countByOwner = async (query: SelectQueryBuilder<SiteEntity>, ownerColumn: string) => {
          const rows = await query
            .select(ownerColumn, 'ownerId')
            .addSelect('COUNT(*)', 'count')
            .groupBy(ownerColumn)
            .getRawMany<{ ownerId: string; count: unknown }>();
          for (const row of rows) byOwner.set(row.ownerId, toNumber(row.count));
        };
        const siteAdminIds = siteAdminIdsOf(keys, positions);
        if (siteAdminIds.length)
          await countByOwner(assignedSites(siteAdminIds, search), 'assignment.personId');
        if (positions.some((i) => allSitesOf(keys[i]!)))
          await countByOwner(companySites(search), 'site.companyId');
        for (const i of positions) counts[i] = byOwner.get(listOwnerOf(keys[i]!)) ?? 0;
      }
      return counts;
    },
    { cacheKeyFn: jsonKey },
  );

  return { siteById, personSitePages, personSiteCounts };
}

export type SiteLoaders = ReturnType<typeof createSiteLoaders>;
