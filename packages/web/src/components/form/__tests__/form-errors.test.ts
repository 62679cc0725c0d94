import { describe, expect, it } from 'vitest';
import { fieldNameOf, firstInvalid, sortUserErrors, userErrorText } from '../form-errors';

describe('sortUserErrors', () => {
  it('should put each error under its field and the rest above the form when the server answers', () => {
    const sorted = sortUserErrors(
      [
        { field: ['input', 'email'], code: 'TAKEN', message: 'server words' },
        { field: ['input', 'locale'], code: 'INVALID', message: 'Choose English, …' },
        { field: null, code: 'INVALID_STATE', message: 'not now' },
        { field: ['input', 'email'], code: 'INVALID', message: 'second one' },
      ],
      ['email', 'firstName'] as const,
      'fr',
    );
    expect(sorted.fields).toEqual({ email: 'Cette adresse e-mail est déjà utilisée.' });
    expect(sorted.form).toEqual([
      'Choisissez anglais, néerlandais, suédois ou français.',
      "Ce n'est pas possible dans l'état actuel.",
    ]);
  });

  it("should keep the server's message when the words depend on values it does not return", () => {
    const sorted = sortUserErrors(
      [
        { field: ['newPassword'], code: 'WEAK_PASSWORD', message: 'On the common list.' },
        { field: ['password'], code: 'THROTTLED', message: 'Try again in 7 minutes.' },
        { field: ['x'], code: 'SOMETHING_NEW', message: 'A new code.' },
      ],
      ['newPassword'] as const,
      'en',
    );
    expect(sorted.fields).toEqual({ newPassword: 'On the common list.' });
    expect(sorted.form).toEqual(['Try again in 7 minutes.', 'A new code.']);
  });
});

describe('userErrorText', () => {
  it("should answer in the interface's language when the code needs no values", () => {
    expect(
      userErrorText({ field: ['currentPassword'], code: 'WRONG_PASSWORD', message: 'x' }, 'sv'),
    ).toBe('Ditt nuvarande lösenord är fel.');
  });
});

describe('fieldNameOf and firstInvalid', () => {
  it('should name the field by the last part of its path when there is one', () => {
    expect(fieldNameOf(['input', 'vatNumber'])).toBe('vatNumber');
    expect(fieldNameOf(['token'])).toBe('token');
    expect(fieldNameOf(['input'])).toBeNull();
    expect(fieldNameOf(null)).toBeNull();
  });

  it('should pick the first field in form order when several have errors', () => {
    expect(firstInvalid(['a', 'b', 'c'] as const, { c: 'x', b: 'y' })).toBe('b');
    expect(firstInvalid(['a'] as const, {})).toBeNull();
  });
});

describe('userErrorText with params', () => {
  it.each([
    [
      'nl',
      { code: 'TOO_LONG', params: [{ name: 'max', value: '100' }] },
      'Gebruik maximaal 100 tekens.',
    ],
    [
      'sv',
      { code: 'THROTTLED', params: [{ name: 'minutes', value: '15' }] },
      'För många försök. Försök igen om 15 minuter.',
    ],
    [
      'fr',
      {
        code: 'WEAK_PASSWORD',
        params: [
          { name: 'reason', value: 'TOO_SHORT' },
          { name: 'min', value: '12' },
          { name: 'max', value: '256' },
        ],
      },
      'Utilisez au moins 12 caractères. Quelques mots sans rapport entre eux font un mot de passe robuste et facile à retenir.',
    ],
  ] as const)(
    'should word the message in %s from the code and params when the server sends them',
    (locale, error, text) => {
      expect(
        userErrorText({ field: ['input', 'x'], message: 'server words', ...error }, locale),
      ).toBe(text);
    },
  );

  it("should keep the server's words when the values its message needs did not come", () => {
    expect(
      userErrorText({ field: ['input', 'x'], code: 'TOO_LONG', message: 'server words' }, 'en'),
    ).toBe('server words');
  });
});
