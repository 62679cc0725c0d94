import {
  API_SCOPES,
  ApiScope,
  effectiveScopes,
  levelMayGrantScope,
  scopesReach,
} from './api-scopes';
import { ACCESS_LEVEL_CODES } from './access-levels';

describe('scopesReach', () => {
  it.each([
    [['SITES_READ'], ['SITES_READ'], true],
    [['SITES_WRITE'], ['SITES_READ'], true],
    [['SITES_READ'], ['SITES_WRITE'], false],
    [['PEOPLE_READ'], ['SITES_READ'], false],
    [['PEOPLE_READ'], ['SITES_READ', 'PEOPLE_READ'], true],
    [['INVOICES_READ'], ['INVOICES_READ'], true],
    [['SITES_WRITE', 'PEOPLE_READ', 'INVOICES_READ'], [], false],
    [['sites:read', 'ADMIN'], ['SITES_READ'], false],
  ] as const)('should let a key with %j use a field for %j: %s', (held, required, reaches) => {
    expect(scopesReach(held, required)).toBe(reaches);
  });

  it('should add what a scope implies and drop what is no scope', () => {
    expect([...effectiveScopes(['SITES_WRITE', 'NOPE'])].sort()).toEqual([
      'SITES_READ',
      'SITES_WRITE',
    ]);
  });
});

describe('levelMayGrantScope', () => {
  it('should let only a payment admin hand out INVOICES_READ, and every level the rest', () => {
    const granted = Object.fromEntries(
      ACCESS_LEVEL_CODES.map((level) => [
        level,
        API_SCOPES.filter((scope) => levelMayGrantScope(level, scope)),
      ]),
    );
    expect(granted).toEqual({
      PAYMENT_ADMIN: [...API_SCOPES],
      SYSTEM_ADMIN: [ApiScope.SITES_READ, ApiScope.SITES_WRITE, ApiScope.PEOPLE_READ],
      SITE_ADMIN: [ApiScope.SITES_READ, ApiScope.SITES_WRITE, ApiScope.PEOPLE_READ],
    });
  });
});
