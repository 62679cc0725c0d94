import { render, screen } from '@testing-library/react';
import { I18nextProvider } from '../../../lib/useTranslation';
import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../../test/i18n';
import { PasswordStrength } from '../components/PasswordStrength';
import { estimateStrength, type PasswordChecker } from '../password-strength';
import { createPasswordChecker } from '../zxcvbn-checker';

/** A checker with fixed answers, to test the grading apart from zxcvbn. */
function fakeChecker(score: 0 | 1 | 2 | 3 | 4, common = false): PasswordChecker {
  return { score: () => score, isCommon: () => common };
}

describe('estimateStrength', () => {
  it('should call a password weak exactly when the shared rules refuse it', () => {
    expect(estimateStrength('')).toEqual({ level: 'empty', weakness: null });
    expect(estimateStrength('short one')).toEqual({ level: 'weak', weakness: 'TOO_SHORT' });
    expect(estimateStrength('aaaaaaaaaaaaaa')).toEqual({ level: 'weak', weakness: 'REPEATED' });
    expect(estimateStrength('karin-is-the-best', { firstName: 'Karin' })).toEqual({
      level: 'weak',
      weakness: 'PERSONAL',
    });
  });

  it('should grade by length alone while zxcvbn is still loading', () => {
    expect(estimateStrength('twelve chars').level).toBe('fair');
    expect(estimateStrength('sixteen chars ok').level).toBe('good');
    expect(estimateStrength('twenty characters, ok').level).toBe('strong');
  });

  it("should grade by zxcvbn's score and refuse the common list once the checker is there", () => {
    expect(estimateStrength('lantern harbour', {}, fakeChecker(2)).level).toBe('fair');
    expect(estimateStrength('lantern harbour', {}, fakeChecker(3)).level).toBe('good');
    expect(estimateStrength('lantern harbour', {}, fakeChecker(4)).level).toBe('strong');
    expect(estimateStrength('lantern harbour', {}, fakeChecker(4, true))).toEqual({
      level: 'weak',
      weakness: 'COMMON',
    });
  });
});

describe('createPasswordChecker (zxcvbn)', () => {
  const checker = createPasswordChecker();

  it("should find a password on the server's common list also with digits and symbols after it", () => {
    expect(checker.isCommon('password')).toBe(true);
    expect(checker.isCommon('Password2024!')).toBe(true);
    expect(checker.isCommon('blue lanterns by the old harbour')).toBe(false);
  });

  it('should score a long passphrase higher than a keyboard walk', () => {
    expect(checker.score('blue lanterns by the old harbour', [])).toBe(4);
    expect(checker.score('qwertyuiop12', [])).toBeLessThanOrEqual(1);
  });
});

function renderHint(password: string, checker: PasswordChecker | null, locale: 'en' | 'nl' = 'en') {
  const i18n = createTestI18n(locale);
  return render(
    <I18nextProvider i18n={i18n}>
      <label htmlFor="pw">New password</label>
      <input id="pw" aria-describedby="hint" />
      <PasswordStrength id="hint" password={password} details={{}} checker={checker} />
    </I18nextProvider>,
  );
}

describe('PasswordStrength', () => {
  it('should explain the rule before anything is typed', async () => {
    renderHint('', null);
    expect(
      await screen.findByText(
        'Use at least 12 characters. A few unrelated words make a strong password that is easy to remember.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Password strength/)).toBeNull();
  });

  it("should say too weak with the server's reason when the password would be refused", async () => {
    renderHint('abcdefghijklmn', fakeChecker(4), 'nl');
    expect(await screen.findByText('te zwak')).toBeInTheDocument();
    expect(
      screen.getByText('Vermijd herhaalde tekens en eenvoudige reeksen zoals aaaa of 1234.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'New password' })).toHaveAccessibleDescription(
      /Sterkte van het wachtwoord: te zwak/,
    );
  });

  it('should say strong and give no advice when zxcvbn finds it very hard to guess', async () => {
    renderHint('blue lanterns by the old harbour', fakeChecker(4));
    expect(await screen.findByText('strong')).toBeInTheDocument();
    expect(screen.getByRole('textbox').getAttribute('aria-describedby')).toBe('hint');
    expect(document.getElementById('hint')).toHaveClass('strength-strong');
    expect(screen.queryByText(/Accepted\./)).toBeNull();
  });

  it('should suggest another word when the password is only fair', async () => {
    renderHint('lantern harbour', fakeChecker(2));
    expect(await screen.findByText('fair')).toBeInTheDocument();
    expect(
      screen.getByText('Accepted. Another word or two would make it much harder to guess.'),
    ).toBeInTheDocument();
  });
});
