import { commonPasswordCheck, passwordWeakness } from './passwords';

describe('passwordWeakness', () => {
  const isCommon = commonPasswordCheck(['password', 'Dragon', 'qwerty']);

  it.each([
    ['short', 'TOO_SHORT'],
    ['x'.repeat(300), 'TOO_LONG'],
    ['ada.lovelace-garden', 'PERSONAL'],
    ['abababababab', 'REPEATED'],
    ['blue lanterns by the old harbour', null],
  ] as const)('%s is %s', (password, reason) => {
    expect(passwordWeakness(password, { email: 'ada.lovelace@example.com' }, isCommon)).toBe(
      reason,
    );
  });

  it('refuses a listed password only when a list is given', () => {
    expect(passwordWeakness('Dragon2024!!!!', {}, isCommon)).toBe('COMMON');
    expect(passwordWeakness('Dragon2024!!!!')).toBeNull();
  });
});

describe('commonPasswordCheck', () => {
  const isCommon = commonPasswordCheck(['password', 'Dragon', 'qwerty']);

  it('compares without case and without trailing digits and symbols', () => {
    expect(isCommon('PASSWORD')).toBe(true);
    expect(isCommon('dragon')).toBe(true);
    expect(isCommon('Password2024!')).toBe(true);
  });

  it('keeps stems shorter than six characters exact, and words inside longer passwords', () => {
    expect(isCommon('qwerty1')).toBe(true);
    expect(isCommon('abc123')).toBe(false);
    expect(isCommon('my password is long')).toBe(false);
  });
});
