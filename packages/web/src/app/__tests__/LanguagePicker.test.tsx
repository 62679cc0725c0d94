import { SUPPORTED_LOCALES } from '@entry/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/renderApp';
import { LOCALE_STORAGE_KEY, changeLocale, createI18n, i18nReady } from '../i18n';

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
  it('should use the browser language when nothing was chosen before', async () => {
    browserLanguages('sv-SE', 'en-US');
    const i18n = createI18n();
    await i18nReady(i18n);
    expect(i18n.resolvedLanguage).toBe('sv');
    expect(document.documentElement).toHaveAttribute('lang', 'sv');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull();
  });

  it("should use the browser's next language when its first one is not supported", async () => {
    browserLanguages('de-DE', 'fr-BE', 'en');
    const i18n = createI18n();
    await i18nReady(i18n);
    expect(i18n.resolvedLanguage).toBe('fr');
  });

  it('should fall back to English when no browser language is supported', async () => {
    browserLanguages('de-DE', 'es');
    const i18n = createI18n();
    await i18nReady(i18n);
    expect(i18n.resolvedLanguage).toBe('en');
    expect(i18n.t('nav.home')).toBe('Home');
  });

  it('should prefer the remembered choice when the browser says otherwise', async () => {
    browserLanguages('fr-FR');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'nl');
    const i18n = createI18n();
    await i18nReady(i18n);
    expect(i18n.resolvedLanguage).toBe('nl');
  });

  it('should load the words of the shown language only when the app starts', async () => {
    browserLanguages('nl-NL', 'en');
    const i18n = createI18n();
    expect(i18n.hasResourceBundle('nl', 'translation')).toBe(false);
    await i18nReady(i18n);
    expect(i18n.t('nav.sites')).toBe('Locaties');
    expect(SUPPORTED_LOCALES.filter((lng) => i18n.hasResourceBundle(lng, 'translation'))).toEqual([
      'nl',
    ]);
  });

  it('should load the other language when the person switches to it', async () => {
    browserLanguages('en-GB');
    const i18n = createI18n();
    await i18nReady(i18n);
    await changeLocale(i18n, 'sv');
    expect(i18n.t('nav.sites')).toBe('Anläggningar');
    expect(document.documentElement).toHaveAttribute('lang', 'sv');
  });
});
