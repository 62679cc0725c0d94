import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/renderApp';
import { LOCALE_STORAGE_KEY, createI18n } from '../i18n';

function browserLanguages(...languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(languages[0] ?? '');
}

describe('LanguagePicker', () => {
  it('should offer every language named in itself when the picker is opened', async () => {
    renderApp({ locale: 'en' });
    const picker = await screen.findByRole('combobox', { name: 'Language' });
    const options = within(picker).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'English',
      'Nederlands',
      'Svenska',
      'Français',
    ]);
    expect(options.map((option) => option.getAttribute('lang'))).toEqual(['en', 'nl', 'sv', 'fr']);
  });

  it('should switch the interface and remember the choice when another language is picked', async () => {
    browserLanguages('en-GB');
    const { user } = renderApp();
    const picker = await screen.findByRole('combobox', { name: 'Language' });
    await user.selectOptions(picker, 'sv');
    const nav = within(screen.getByRole('navigation', { name: 'Huvudmeny' }));
    expect(nav.getByRole('link', { name: 'Anläggningar' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Språk' })).toHaveValue('sv');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('sv');
    expect(document.documentElement).toHaveAttribute('lang', 'sv');
  });
});

describe('createI18n', () => {
  it('should use the browser language when nothing was chosen before', () => {
    browserLanguages('sv-SE', 'en-US');
    const i18n = createI18n();
    expect(i18n.resolvedLanguage).toBe('sv');
    expect(document.documentElement).toHaveAttribute('lang', 'sv');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull();
  });

  it("should use the browser's next language when its first one is not supported", () => {
    browserLanguages('de-DE', 'fr-BE', 'en');
    expect(createI18n().resolvedLanguage).toBe('fr');
  });

  it('should fall back to English when no browser language is supported', () => {
    browserLanguages('de-DE', 'es');
    expect(createI18n().resolvedLanguage).toBe('en');
  });

  it('should prefer the remembered choice when the browser says otherwise', () => {
    browserLanguages('fr-FR');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'nl');
    expect(createI18n().resolvedLanguage).toBe('nl');
  });
});
