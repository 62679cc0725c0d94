import { describe, expect, it, vi } from 'vitest';
import { Translator, type LoadWords, type WordTree } from '../translator';

// Words of our own, not the app's: the rules are the translator's, whatever the texts say.
const WORDS: Record<string, Record<string, WordTree>> = {
  en: {
    translation: {
      nav: { home: 'Home' },
      cart: {
        greeting: 'Hello {{name}}, welcome to {{ place }}',
        items_zero: 'No items',
        items_one: '{{count}} item',
        items_other: '{{count}} items',
      },
    },
    billing: { billing: { heading: 'Billing' } },
  },
  fr: {
    translation: {
      nav: { home: 'Accueil' },
      cart: { items_one: '{{count}} article', items_other: '{{count}} articles' },
    },
    billing: { billing: { heading: 'Facturation' } },
  },
};

/** A loader over WORDS that counts its calls and answers after a tick, as a chunk would. */
function loader() {
  const load = vi.fn<LoadWords>(async (language, namespace) => {
    await Promise.resolve();
    const words = WORDS[language]?.[namespace];
    if (!words) throw new Error(`no ${language}/${namespace}`);
    return words;
  });
  return load;
}

// Keys of these test words, not of the app's: the typed keys are checked by the app's own use.
const key = (text: string) => text as never;

describe('Translator', () => {
  it('should fill placeholders, keep one without a value and fill null with nothing', async () => {
    const i18n = new Translator('en', loader());
    await i18n.loadNamespace('translation');
    expect(i18n.t(key('cart.greeting'), { name: 'Karin', place: 'Malmö' })).toBe(
      'Hello Karin, welcome to Malmö',
    );
    expect(i18n.t(key('cart.greeting'), { name: null })).toBe('Hello , welcome to {{ place }}');
  });

  it('should pick the plural form of a number count by the language, and zero first for 0', async () => {
    const i18n = new Translator('en', loader());
    await i18n.loadNamespace('translation');
    expect(i18n.t(key('cart.items'), { count: 0 })).toBe('No items');
    expect(i18n.t(key('cart.items'), { count: 1 })).toBe('1 item');
    expect(i18n.t(key('cart.items'), { count: 2 })).toBe('2 items');
    await i18n.changeLanguage('fr');
    // French says "0 article": no zero form there, and 0 is singular in French
    expect(i18n.t(key('cart.items'), { count: 0 })).toBe('0 article');
    expect(i18n.t(key('cart.items'), { count: 3 })).toBe('3 articles');
  });

  it('should answer the key itself when no loaded words have it', async () => {
    const i18n = new Translator('en', loader());
    await i18n.loadNamespace('translation');
    expect(i18n.t(key('billing.heading'))).toBe('billing.heading');
    expect(i18n.t(key('cart.nothing.here'))).toBe('cart.nothing.here');
  });

  it('should load a namespace once for every caller and find its keys from any t', async () => {
    const load = loader();
    const i18n = new Translator('en', load);
    const first = i18n.loadNamespace('billing');
    expect(i18n.loadNamespace('billing')).toBe(first);
    expect(i18n.hasResourceBundle('en', 'billing')).toBe(false);
    await Promise.all([first, i18n.loadNamespaces(['translation', 'billing'])]);
    expect(load.mock.calls).toEqual([
      ['en', 'billing'],
      ['en', 'translation'],
    ]);
    expect(i18n.getFixedT('translation')(key('billing.heading'))).toBe('Billing');
    expect(i18n.getFixedT('billing')('nav.home')).toBe('Home');
  });

  it('should show the keys and say why when a namespace cannot be loaded', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const i18n = new Translator('sv', loader());
    await i18n.loadNamespace('translation');
    expect(logged).toHaveBeenCalledWith(
      'Loading the sv translation translations failed',
      expect.any(Error),
    );
    expect(i18n.hasResourceBundle('sv', 'translation')).toBe(true);
    expect(i18n.t('nav.home')).toBe('nav.home');
  });

  it('should switch language only once every namespace in use has its words in it', async () => {
    const i18n = new Translator('en', loader(), { en: WORDS.en! });
    const changes: string[] = [];
    i18n.subscribe(() => changes.push(i18n.resolvedLanguage));
    const english = i18n.getFixedT('billing');
    await i18n.loadNamespace('billing');
    const switching = i18n.changeLanguage('fr');
    expect(i18n.resolvedLanguage).toBe('en');
    await switching;
    expect(i18n.resolvedLanguage).toBe('fr');
    expect(i18n.getFixedT('billing')(key('billing.heading'))).toBe('Facturation');
    expect(i18n.t('nav.home')).toBe('Accueil');
    expect(english(key('billing.heading'))).toBe('Billing');
    expect(changes.at(-1)).toBe('fr');
  });

  it('should give the same t for a namespace until the language changes', async () => {
    const i18n = new Translator('en', loader(), WORDS);
    const t = i18n.getFixedT('translation');
    expect(i18n.getFixedT('translation')).toBe(t);
    await i18n.changeLanguage('fr');
    expect(i18n.getFixedT('translation')).not.toBe(t);
  });
});
