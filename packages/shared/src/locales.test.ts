import { resolveLocale } from './locales';
import { isValidEmail, normalizeEmail } from './validation';

describe('resolveLocale', () => {
  it.each([
    ['sv-SE', 'sv'],
    ['NL', 'nl'],
    ['fr_BE', 'fr'],
    ['de', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('should pick %s -> %s', (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected);
  });
});

describe('emails', () => {
  it('should compare addresses case-insensitively when normalized', () => {
    expect(normalizeEmail('  Daisy.Burton@Email.CO.uk ')).toBe('daisy.burton@email.co.uk');
  });

  it.each(['daisy@example.com', 'Daisyburton@email.co.uk'])('should accept %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each(['daisy', 'daisy@', '@example.com', 'daisy @example.com', 'daisy@example'])(
    'should refuse %s',
    (email) => {
      expect(isValidEmail(email)).toBe(false);
    },
  );
});
