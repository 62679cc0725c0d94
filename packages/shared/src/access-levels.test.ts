import {
  ACCESS_LEVEL_CODES,
  ACCESS_LEVEL_DESCRIPTIONS,
  ACCESS_LEVEL_LABELS,
  levelGrants,
  Permission,
} from './access-levels';
import { SUPPORTED_LOCALES } from './locales';

describe('levelGrants', () => {
  it.each([
    [
      'PAYMENT_ADMIN',
      {
        AUTHENTICATED: true,
        ALL_SITES: true,
        PAYMENTS: true,
        OPERATOR: false,
        MANAGE_PEOPLE: true,
      },
    ],
    [
      'SYSTEM_ADMIN',
      {
        AUTHENTICATED: true,
        ALL_SITES: true,
        PAYMENTS: false,
        OPERATOR: false,
        MANAGE_PEOPLE: true,
      },
    ],
    [
      'SITE_ADMIN',
      {
        AUTHENTICATED: true,
        ALL_SITES: false,
        PAYMENTS: false,
        OPERATOR: false,
        MANAGE_PEOPLE: false,
      },
    ],
  ] as const)('should grant a %s exactly the rights the notes describe', (level, expected) => {
    for (const permission of Object.values(Permission)) {
      expect([permission, levelGrants(level, permission)]).toEqual([
        permission,
        expected[permission],
      ]);
    }
  });
});

describe('access level texts', () => {
  it('should have a label and a description in every language for every level', () => {
    for (const code of ACCESS_LEVEL_CODES) {
      for (const locale of SUPPORTED_LOCALES) {
        expect(ACCESS_LEVEL_LABELS[code][locale].trim()).not.toBe('');
        expect(ACCESS_LEVEL_DESCRIPTIONS[code][locale].trim()).not.toBe('');
      }
    }
  });
});
