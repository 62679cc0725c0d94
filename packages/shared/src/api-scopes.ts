import { ACCESS_LEVEL_RIGHTS, type AccessLevelCode } from './access-levels';

/**
 * What an API key may reach (the `ApiScope` enum of the partner API). A key is not a person: it
 * holds no access level, only these scopes, and every field says which scopes reach it
 * (`@auth(…, scopes: [...])` on the server). A field that names none is closed to keys.
 */
export const ApiScope = {
  /** sites, site, Site.entryUsers, Site.siteAdmins, dashboard */
  SITES_READ: 'SITES_READ',
  /** everything of SITES_READ, and creating and changing sites and their Entry app users */
  SITES_WRITE: 'SITES_WRITE',
  /** people, person */
  PEOPLE_READ: 'PEOPLE_READ',
  /** the company's invoices, an invoice, and its PDF and CSV */
  INVOICES_READ: 'INVOICES_READ',
} as const;
export type ApiScope = (typeof ApiScope)[keyof typeof ApiScope];

export const API_SCOPES: readonly ApiScope[] = Object.values(ApiScope);

/** Scopes that carry others with them: writing sites includes reading them. */
const IMPLIED_SCOPES: Readonly<Partial<Record<ApiScope, readonly ApiScope[]>>> = {
  SITES_WRITE: [ApiScope.SITES_READ],
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Every scope a key holds, the implied ones included. */
export function effectiveScopes(held: readonly string[]): Set<ApiScope> {
  const scopes = new Set<ApiScope>();
  for (const scope of held.filter(isApiScope)) {
    scopes.add(scope);
    for (const implied of IMPLIED_SCOPES[scope] ?? []) scopes.add(implied);
  }
  return scopes;
}

/**
 * Whether a key holding `held` may use a field that any of `required` reaches. An empty
 * `required` is a field closed to keys (deny by default).
 */
export function scopesReach(held: readonly string[], required: readonly ApiScope[]): boolean {
  const scopes = effectiveScopes(held);
  return required.some((scope) => scopes.has(scope));
}

/**
 * Whether a person at this level may put the scope on a key they create: invoices are payment
 * data, so only a payment admin hands out INVOICES_READ (the others: FORBIDDEN_SCOPE).
 */
export function levelMayGrantScope(level: AccessLevelCode, scope: ApiScope): boolean {
  return scope !== ApiScope.INVOICES_READ || ACCESS_LEVEL_RIGHTS[level].payments;
}
