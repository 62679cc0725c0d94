import { ACCESS_LEVEL_CODES, Permission, type AccessLevelCode } from './access-levels';
import {
  can,
  GRANT_LEVEL,
  grantableLevels,
  mayAssignLevel,
  mayCreateSites,
  needsSites,
  PersonAction,
  type Principal,
} from './policy';

const person = (accessLevel: AccessLevelCode, id = 'me'): Principal => ({
  kind: 'person',
  id,
  accessLevel,
});
const operator: Principal = { kind: 'operator' };
const apiKey: Principal = {
  kind: 'apiKey',
  scopes: ['SITES_WRITE', 'PEOPLE_READ', 'INVOICES_READ'],
  limitedToSites: false,
};

const PRINCIPALS: readonly [string, Principal | null][] = [
  ['PAYMENT_ADMIN', person('PAYMENT_ADMIN')],
  ['SYSTEM_ADMIN', person('SYSTEM_ADMIN')],
  ['SITE_ADMIN', person('SITE_ADMIN')],
  ['operator', operator],
  ['apiKey', apiKey],
  ['nobody', null],
];

describe('can: the permissions of the @auth directive', () => {
  const GRANTED: Readonly<Record<string, readonly Permission[]>> = {
    PAYMENT_ADMIN: ['AUTHENTICATED', 'ALL_SITES', 'PAYMENTS', 'MANAGE_PEOPLE'],
    SYSTEM_ADMIN: ['AUTHENTICATED', 'ALL_SITES', 'MANAGE_PEOPLE'],
    SITE_ADMIN: ['AUTHENTICATED'],
    operator: ['AUTHENTICATED', 'OPERATOR'],
    // keys do not exist yet: denied until the partner API gives scopes their meaning
    apiKey: [],
    nobody: [],
  };

  it.each(PRINCIPALS)('should grant %s exactly its permissions', (name, principal) => {
    const granted = Object.values(Permission).filter((permission) => can(principal, permission));
    expect(granted.sort()).toEqual([...(GRANTED[name] ?? [])].sort());
  });

  it('should give MANAGE_PEOPLE to exactly the levels ALL_SITES has today (the rename changes nobody)', () => {
    for (const level of ACCESS_LEVEL_CODES) {
      expect(can(person(level), Permission.MANAGE_PEOPLE)).toBe(
        can(person(level), Permission.ALL_SITES),
      );
    }
  });
});

describe('can: what one may do to a colleague', () => {
  type Status = 'ACTIVE' | 'INVITED' | 'DISABLED';
  type Shown = Readonly<Record<Status, string>>;
  /** What a person who reaches the colleague may do: a payment admin reaches everybody. */
  const WITHIN_REACH: Shown = {
    ACTIVE: 'edit changeLevel disable remove',
    INVITED: 'edit changeLevel resendInvitation remove',
    DISABLED: 'edit changeLevel enable remove',
  };
  const OUT_OF_REACH: Shown = { ACTIVE: '', INVITED: 'resendInvitation', DISABLED: '' };
  const NOTHING: Shown = { ACTIVE: '', INVITED: '', DISABLED: '' };
  const OWN_ROW: Shown = { ACTIVE: 'edit', INVITED: 'edit resendInvitation', DISABLED: 'edit' };

  /** viewer → the colleague's level (or their own row) → the buttons, per status */
  const TABLE: Readonly<Record<string, Readonly<Record<string, Shown>>>> = {
    PAYMENT_ADMIN: {
      PAYMENT_ADMIN: WITHIN_REACH,
      SYSTEM_ADMIN: WITHIN_REACH,
      SITE_ADMIN: WITHIN_REACH,
      self: OWN_ROW,
    },
    SYSTEM_ADMIN: {
      PAYMENT_ADMIN: OUT_OF_REACH,
      SYSTEM_ADMIN: WITHIN_REACH,
      SITE_ADMIN: WITHIN_REACH,
      self: OWN_ROW,
    },
    SITE_ADMIN: {
      PAYMENT_ADMIN: NOTHING,
      SYSTEM_ADMIN: NOTHING,
      SITE_ADMIN: NOTHING,
      self: NOTHING,
    },
    operator: { PAYMENT_ADMIN: NOTHING, SYSTEM_ADMIN: NOTHING, SITE_ADMIN: NOTHING },
    apiKey: { PAYMENT_ADMIN: NOTHING, SYSTEM_ADMIN: NOTHING, SITE_ADMIN: NOTHING },
    nobody: { PAYMENT_ADMIN: NOTHING, SYSTEM_ADMIN: NOTHING, SITE_ADMIN: NOTHING },
  };

  const rows = PRINCIPALS.flatMap(([name, principal]) =>
    Object.entries(TABLE[name] ?? {}).flatMap(([targetKind, shown]) =>
      (['ACTIVE', 'INVITED', 'DISABLED'] as const).map(
        (status) => [name, targetKind, status, principal, shown[status]] as const,
      ),
    ),
  );

  it('should cover every principal, every target kind and every status', () => {
    expect(rows).toHaveLength(4 * 3 * 3 + 3 * 3 * 3);
  });

  it.each(rows)(
    'should let %s do to a %s colleague (%s) exactly what the table says',
    (_name, targetKind, status, principal, expected) => {
      const target =
        targetKind === 'self'
          ? {
              id: 'me',
              accessLevel: principal?.kind === 'person' ? principal.accessLevel : 'SITE_ADMIN',
              status,
            }
          : { id: 'colleague', accessLevel: targetKind as AccessLevelCode, status };
      const allowed = Object.entries(PersonAction)
        .filter(([, action]) => can(principal, action, target))
        .map(([, action]) => action.replace('person.', ''));
      expect(allowed.join(' ')).toBe(expected);
    },
  );
});

describe('can: which levels one may hand out', () => {
  it.each([
    ['PAYMENT_ADMIN', ['PAYMENT_ADMIN', 'SYSTEM_ADMIN', 'SITE_ADMIN']],
    ['SYSTEM_ADMIN', ['SYSTEM_ADMIN', 'SITE_ADMIN']],
    ['SITE_ADMIN', []],
    ['operator', []],
    ['apiKey', []],
    ['nobody', []],
  ] as const)('should let %s hand out %j, highest first', (name, levels) => {
    const principal = PRINCIPALS.find(([label]) => label === name)?.[1] ?? null;
    expect(grantableLevels(principal)).toEqual(levels);
    for (const level of ACCESS_LEVEL_CODES)
      expect(can(principal, GRANT_LEVEL, { level })).toBe(
        (levels as readonly string[]).includes(level),
      );
  });
});

describe('mayAssignLevel: the level in an invitation or a change', () => {
  const colleague = (accessLevel: AccessLevelCode, id = 'colleague') => ({
    id,
    accessLevel,
    status: 'ACTIVE',
  });

  it.each([
    // viewer, target (null: an invitation), next level, allowed
    ['PAYMENT_ADMIN', null, 'PAYMENT_ADMIN', true],
    ['SYSTEM_ADMIN', null, 'PAYMENT_ADMIN', false],
    ['SYSTEM_ADMIN', null, 'SYSTEM_ADMIN', true],
    ['SITE_ADMIN', null, 'SITE_ADMIN', false],
    ['SYSTEM_ADMIN', colleague('PAYMENT_ADMIN'), 'SYSTEM_ADMIN', false],
    ['SYSTEM_ADMIN', colleague('PAYMENT_ADMIN'), 'PAYMENT_ADMIN', false],
    ['SYSTEM_ADMIN', colleague('SITE_ADMIN'), 'SYSTEM_ADMIN', true],
    ['PAYMENT_ADMIN', colleague('PAYMENT_ADMIN'), 'SITE_ADMIN', true],
    // nobody changes their own level, but sending it unchanged is no change
    ['PAYMENT_ADMIN', colleague('PAYMENT_ADMIN', 'me'), 'SYSTEM_ADMIN', false],
    ['PAYMENT_ADMIN', colleague('PAYMENT_ADMIN', 'me'), 'PAYMENT_ADMIN', true],
    ['SYSTEM_ADMIN', colleague('SYSTEM_ADMIN', 'me'), 'SYSTEM_ADMIN', true],
    // no level at all: left to the input's validation (INVALID), unless the colleague is out of reach
    ['SYSTEM_ADMIN', colleague('SITE_ADMIN'), 'NOT_A_LEVEL' as AccessLevelCode, true],
    ['SYSTEM_ADMIN', colleague('PAYMENT_ADMIN'), 'NOT_A_LEVEL' as AccessLevelCode, false],
    ['SYSTEM_ADMIN', colleague('SYSTEM_ADMIN', 'me'), 'NOT_A_LEVEL' as AccessLevelCode, false],
  ] as const)('should let a %s give %j the level %s: %s', (viewer, target, next, allowed) => {
    expect(mayAssignLevel(person(viewer), target, next)).toBe(allowed);
  });

  it('should let no operator, key or anonymous caller assign a level', () => {
    for (const principal of [operator, apiKey, null])
      expect(mayAssignLevel(principal, null, 'SITE_ADMIN')).toBe(false);
  });
});

describe('needsSites', () => {
  it('should ask for sites for the levels without every site, and for nothing else', () => {
    expect(ACCESS_LEVEL_CODES.filter((level) => needsSites(level))).toEqual(['SITE_ADMIN']);
    expect(needsSites(null)).toBe(false);
    expect(needsSites('NOT_A_LEVEL')).toBe(false);
  });
});

describe('mayCreateSites', () => {
  const key = (scopes: string[], limitedToSites = false): Principal => ({
    kind: 'apiKey',
    scopes,
    limitedToSites,
  });

  it.each([
    ['a payment admin', person('PAYMENT_ADMIN'), true],
    ['a system admin', person('SYSTEM_ADMIN'), true],
    ['a site admin', person('SITE_ADMIN'), false],
    ['an operator', operator, false],
    ['nobody', null, false],
    ['a key that writes sites', key(['SITES_WRITE']), true],
    ['a key that writes some sites only', key(['SITES_WRITE'], true), false],
    ['a key that only reads sites', key(['SITES_READ', 'PEOPLE_READ']), false],
  ] as const)('should let %s create sites: %s', (_who, principal, allowed) => {
    expect(mayCreateSites(principal)).toBe(allowed);
  });
});
