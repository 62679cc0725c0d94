import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { levelGrants, Permission } from '@entry/shared';
import { isOperating } from '../companies/company.entity';
import type { Viewer } from '../auth/viewer';

/**
 * Which sites a viewer may see, as data: every query that loads sites (lists, by id, nested
 * fields, entry users by site, REST export/import) filters by it in SQL, so a site outside it
 * reads exactly like an id that does not exist.
 */
export type SiteScope =
  /** operators, anonymous callers, people of companies not approved: no company sites */
  | { readonly kind: 'none' }
  /** payment and system admins: every site of their company */
  | { readonly kind: 'company'; readonly companyId: string }
  /** site admins: the sites assigned to them */
  | { readonly kind: 'assigned'; readonly companyId: string; readonly personId: string }
  /** API keys limited to some sites: those */
  | { readonly kind: 'keySites'; readonly companyId: string; readonly apiKeyId: string };

export const NO_SITES: SiteScope = { kind: 'none' };

export function siteScopeOf(viewer: Viewer | null): SiteScope {
  if (viewer?.kind === 'apiKey') {
    const { key, company } = viewer;
    if (!isOperating(company.status)) return NO_SITES;
    return key.limitedToSites
      ? { kind: 'keySites', companyId: company.id, apiKeyId: key.id }
      : { kind: 'company', companyId: company.id };
  }
  if (viewer?.kind !== 'person') return NO_SITES;
  const { person, company } = viewer;
  // The @auth check refuses these anyway; nested fields reached through `me` must not leak either.
  if (!isOperating(company.status) || person.mustChangePassword) return NO_SITES;
  if (person.companyId !== company.id) return NO_SITES;
  return levelGrants(person.accessLevel, Permission.ALL_SITES)
    ? { kind: 'company', companyId: company.id }
    : { kind: 'assigned', companyId: company.id, personId: person.id };
}

/** A stable string per scope, for keying per-request loaders. */
export function scopeKey(scope: SiteScope): string {
  switch (scope.kind) {
    case 'none':
      return 'none';
    case 'company':
      return `company:${scope.companyId}`;
    case 'assigned':
      return `assigned:${scope.companyId}:${scope.personId}`;
    case 'keySites':
      return `keySites:${scope.companyId}:${scope.apiKeyId}`;
  }
}

/**
 * Restricts a query to the sites in scope. `siteAlias` is the query builder alias of the `site`
 * table (written by us, never user input).
 */
export function applySiteScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  siteAlias: string,
  scope: SiteScope,
): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'none':
      return query.andWhere('1 = 0');
    case 'company':
      return query.andWhere(`${siteAlias}.companyId = :scopeCompanyId`, {
        scopeCompanyId: scope.companyId,
      });
    case 'assigned':
      return listedSites(query, siteAlias, scope.companyId, {
        table: 'site_assignment',
        holderColumn: 'personId',
        holderId: scope.personId,
      });
    case 'keySites':
      return listedSites(query, siteAlias, scope.companyId, {
        table: 'api_key_site',
        holderColumn: 'apiKeyId',
        holderId: scope.apiKeyId,
      });
  }
}

/** The company's sites listed for one holder (a site admin, an API key) in a join table. */
function listedSites<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  siteAlias: string,
  companyId: string,
  list: {
    readonly table: 'site_assignment' | 'api_key_site';
    readonly holderColumn: 'personId' | 'apiKeyId';
    readonly holderId: string;
  },
): SelectQueryBuilder<T> {
  return query
    .andWhere(`${siteAlias}.companyId = :scopeCompanyId`, { scopeCompanyId: companyId })
    .andWhere(
      `EXISTS (SELECT 1 FROM ${list.table} scope_list WHERE scope_list.siteId = ${siteAlias}.id AND scope_list.${list.holderColumn} = :scopeHolderId)`,
      { scopeHolderId: list.holderId },
    );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else cannot name a row, and is answered without asking the database. */
export function isId(value: string): boolean {
  return UUID.test(value);
}
