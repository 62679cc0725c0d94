import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  PHONE,
  browserSuite,
  chromiumAvailable,
  expectNoAxeViolations,
  focusedId,
  screenshot,
} from './support/suite';
import { LANGS, type Lang } from './support/words';

type PageName = 'home' | 'sites' | 'payment' | 'administrator';

// These tests visit as nobody in particular: the fifth item is "Sign in" (signed-in people get
// "Sign out" there instead; e2e/accounts.test.ts signs in).
const NAV: Record<Lang, Record<PageName | 'signIn', string>> = {
  en: {
    home: 'Home',
    sites: 'Sites',
    payment: 'Payment',
    administrator: 'Administrator',
    signIn: 'Sign in',
  },
  nl: {
    home: 'Home',
    sites: 'Locaties',
    payment: 'Betaling',
    administrator: 'Portalbeheer',
    signIn: 'Inloggen',
  },
  sv: {
    home: 'Hem',
    sites: 'Anläggningar',
    payment: 'Betalning',
    administrator: 'Administratör',
    signIn: 'Logga in',
  },
  fr: {
    home: 'Accueil',
    sites: 'Sites',
    payment: 'Paiement',
    administrator: 'Administrateur',
    signIn: 'Se connecter',
  },
};

/** The access level names of the notes (shared/seeds/README.md), highest level first. */
const LEVELS: Record<Lang, string[]> = {
  en: ['Payment admin', 'System admin', 'Site admin'],
  nl: ['Systeembeheerder', 'Technisch beheerder', 'Locatie beheerder'],
  sv: ['Betalningsadmin', 'Systemadmin', 'Anläggningsadmin'],
  fr: ['Administrateur des paiements', 'Administrateur système', 'Administrateur du site'],
};

const LANGUAGE_LABEL: Record<Lang, string> = {
  en: 'Language',
  nl: 'Taal',
  sv: 'Språk',
  fr: 'Langue',
};
const MENU_LABEL: Record<Lang, string> = { en: 'Menu', nl: 'Menu', sv: 'Meny', fr: 'Menu' };
const NOT_FOUND: Record<Lang, string> = {
  en: 'Page not found',
  nl: 'Pagina niet gevonden',
  sv: 'Sidan hittades inte',
  fr: 'Page introuvable',
};
const TERMS_VERSION: Record<Lang, RegExp> = {
  en: /^Version \S+/,
  nl: /^Versie \S+/,
  sv: /^Version \S+/,
  fr: /^Version \S+/,
};

describe.skipIf(!chromiumAvailable('portal'))('Entry Portal in Chromium', () => {
  const { openPage } = browserSuite({ contextTimeoutMs: 10_000 });

  /** The main navigation, also while it is folded away in the phone menu. */
  function nav(page: Page) {
    return page.locator('nav');
  }

  async function expectNavLabels(page: Page, lang: Lang) {
    const items = nav(page).locator('li');
    await expect
      .poll(() => items.allTextContents())
      .toEqual([
        NAV[lang].home,
        NAV[lang].sites,
        NAV[lang].payment,
        NAV[lang].administrator,
        NAV[lang].signIn,
      ]);
  }

  async function expectPageReady(page: Page, name: PageName, lang: Lang) {
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    if (name === 'administrator') {
      await expect
        .poll(() => page.getByRole('heading', { level: 3 }).allInnerTexts())
        .toEqual(LEVELS[lang]);
    }
    if (name === 'payment') {
      await expect
        .poll(() => page.locator('.terms-version').textContent())
        .toMatch(TERMS_VERSION[lang]);
    }
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
    if (name !== 'home') {
      const current = nav(page).locator('[aria-current="page"]');
      await expect.poll(() => current.textContent()).toBe(NAV[lang][name]);
    }
  }

  it('should show the five navigation items and Tab to the skip link first when / opens', async () => {
    const { page, errors } = await openPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expectPageReady(page, 'home', 'en');
    await expectNavLabels(page, 'en');
    await expect.poll(() => nav(page).getAttribute('aria-label')).toBe('Main');
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);

    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toBe('Skip to content');
    const skipBox = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
    expect(skipBox?.y ?? -1).toBeGreaterThanOrEqual(0); // visible once focused
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('main');

    // Keyboard only: from the top, Tab through the header to the Sites link and follow it.
    await page.reload();
    await expectPageReady(page, 'home', 'en');
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Tab');
      if ((await focused()) === 'Sites') break;
    }
    expect(await focused()).toBe('Sites');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none'); // visible focus
    await page.keyboard.press('Enter');
    await expectPageReady(page, 'sites', 'en');
    expect(errors).toEqual([]);
  });

  it('should show every page in each language, pass axe-core and keep the choice when switching through the picker', async () => {
    const { page, errors } = await openPage();
    await page.goto('/');
    let current: Lang = 'en';
    for (const lang of LANGS) {
      await page.getByRole('combobox', { name: LANGUAGE_LABEL[current] }).selectOption(lang);
      current = lang;
      await expectNavLabels(page, lang);
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('entry-portal.locale')))
        .toBe(lang);

      for (const name of ['home', 'sites', 'payment', 'administrator'] as const) {
        await nav(page).getByRole('link', { name: NAV[lang][name], exact: true }).click();
        await expectPageReady(page, name, lang);
        await screenshot(page, `${lang}-${name}`);
        await expectNoAxeViolations(page, `${name} in ${lang}`);
      }

      // A full page load at an unknown address: the stored language and the localized 404.
      await page.goto('/no/such/page');
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText())
        .toBe(NOT_FOUND[lang]);
      await expectNavLabels(page, lang);
      await screenshot(page, `${lang}-not-found`);
      await expectNoAxeViolations(page, `the not-found page in ${lang}`);
      await page.goto('/');
    }
    expect(errors).toEqual([]);
  });

  it('should keep the chosen language when the page is reloaded', async () => {
    const { page } = await openPage();
    await page.goto('/administrator');
    await expectPageReady(page, 'administrator', 'en');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
    await expectPageReady(page, 'administrator', 'sv');
    await page.reload();
    await expectPageReady(page, 'administrator', 'sv');
    await expectNavLabels(page, 'sv');
    expect(await page.getByRole('combobox', { name: 'Språk' }).inputValue()).toBe('sv');
  });

  it('should load the Administrator page directly when /administrator is opened by address', async () => {
    const { page, errors } = await openPage();
    const response = await page.goto('/administrator');
    expect(response?.status()).toBe(200);
    await expectPageReady(page, 'administrator', 'en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Administrator');
    expect(await page.title()).toBe('Administrator – Entry Portal');
    expect(errors).toEqual([]);
  });

  it("should start in the browser's language when nothing was chosen before", async () => {
    const { page } = await openPage({ locale: 'fr-FR' });
    await page.goto('/');
    await expectPageReady(page, 'home', 'fr');
    await expectNavLabels(page, 'fr');
  });

  it('should collapse the navigation into a working menu when the screen is a phone', async () => {
    const { page, errors } = await openPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto('/');
    await expectPageReady(page, 'home', 'en');
    const toggle = page.getByRole('button', { name: MENU_LABEL.en });
    const sitesLink = nav(page).getByRole('link', { name: 'Sites', exact: true });
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await sitesLink.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(page, 'en-home-phone');
    await expectNoAxeViolations(page, 'home on a phone, menu closed');

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await sitesLink.isVisible()).toBe(true);
    await screenshot(page, 'en-menu-phone');
    await expectNoAxeViolations(page, 'home on a phone, menu open');

    // The language picker lives in the menu too.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
    await expectNavLabels(page, 'sv');
    await nav(page).getByRole('link', { name: 'Administratör' }).click();
    await expectPageReady(page, 'administrator', 'sv');
    const toggleSv = page.getByRole('button', { name: MENU_LABEL.sv });
    expect(await toggleSv.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Administratör' }).isVisible()).toBe(false);
    await screenshot(page, 'sv-administrator-phone');
    await expectNoAxeViolations(page, 'the Administrator page on a phone');

    // Still usable on the narrowest common phones.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(errors).toEqual([]);
  });

  it('should open the sign-in page when Sign in is pressed', async () => {
    const { page, errors } = await openPage();
    await page.goto('/payment');
    await expectPageReady(page, 'payment', 'en');
    await nav(page).getByRole('link', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
