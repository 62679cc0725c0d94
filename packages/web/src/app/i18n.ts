import { DEFAULT_LOCALE, isLocale, type Locale } from '@entry/shared';
import { loadUserErrorWords } from '../components/form/user-error-words';
import { Translator, type LoadWords, type WordTree, type WordsByLanguage } from '../lib/translator';

/** Where the language a person picked is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'entry-portal.locale';

/** Each language named in itself, so anyone can find their own in the picker. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  nl: 'Nederlands',
  sv: 'Svenska',
  fr: 'Français',
};

/** A language's name in the interface's language ("sv" in Dutch: "Zweeds"), for sentences. */
export function languageName(code: string, displayLocale: Locale): string {
  try {
    return new Intl.DisplayNames([displayLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Every language's words load on demand, and only in the language shown: the core words
 * (`src/i18n/<lng>.json`, namespace `translation`: the layout, Home, the forms' shared words)
 * when the app starts, a feature's (`src/i18n/<namespace>/<lng>.json`) with its pages. Bundled,
 * the core words of the three languages not shown cost the first page ~15 kB gzipped; the
 * sites', people's and audit log's words in the core cost every other page ~4 kB.
 */
export const ACCOUNTS_NS = 'accounts';
export const AUDIT_NS = 'audit';
export const BILLING_NS = 'billing';
export const INTEGRATIONS_NS = 'integrations';
/**
 * the billing lifecycle's words loaded where they show: the overdue banner (rare), the billing
 * details form, the move dates of the Entry app user form
 */
export const LIFECYCLE_NS = 'lifecycle';
/** the list and picker pieces' words (paging, breadcrumb, combobox): people, audit, integrations */
export const LISTS_NS = 'lists';
export const PEOPLE_NS = 'people';
/** two-factor sign-in's forms: set-up, codes, the sign-in's second step (loaded when used) */
export const MFA_NS = 'mfa';
export const SITES_NS = 'sites';
export const TRANSFERS_NS = 'transfers';

type WordsModule = { default: WordTree };
const coreBundles = import.meta.glob<WordsModule>('../i18n/*.json');
const namespaceBundles = import.meta.glob<WordsModule>('../i18n/*/*.json');

const loadWords: LoadWords = async (language, namespace) => {
  if (namespace !== 'translation') {
    const load = namespaceBundles[`../i18n/${namespace}/${language}.json`];
    if (!load) throw new Error(`No translations for ${language}/${namespace}`);
    return (await load()).default;
  }
  const load = coreBundles[`../i18n/${language}.json`];
  if (!load) throw new Error(`No translations for ${language}/${namespace}`);
  // A language's user-error words (from packages/shared) come with its core words: the app shows
  // no language before both are there.
  const [core] = await Promise.all([load(), loadUserErrorWords(language)]);
  return core.default;
};

/**
 * The language a visit starts in: the one the person picked before (stored by changeLocale),
 * else the browser's first supported language ("sv-SE" counts as "sv"), else English. Only an
 * explicit choice is stored: a remembered browser default would hide a later change of the
 * browser's language. (A dozen lines instead of i18next-browser-languagedetector, 2 kB gzipped
 * of the first page for the same two sources.)
 */
export function detectLocale(): Locale {
  const candidates = [storedLocale(), ...browserLanguages()];
  return (
    candidates
      .map((tag) => tag?.split(/[-_]/)[0]?.toLowerCase())
      .find((code): code is Locale => code !== undefined && isLocale(code)) ?? DEFAULT_LOCALE
  );
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage disabled: the browser's languages decide
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

interface I18nOptions {
  /** A fixed language (tests); otherwise the stored choice, then the browser's languages. */
  lng?: Locale;
  /**
   * Words given up front instead of loaded (tests render synchronously with them); namespaces
   * not given still load on demand.
   */
  resources?: WordsByLanguage;
}

/**
 * One translator for the app (or for one test). Without `resources` the words of the language
 * shown are still loading when this returns: the app waits for `i18nReady`. Only the language
 * shown is ever loaded: the locale tests hold every language to exactly English's keys, so
 * English behind a Dutch reader would only cost bytes.
 */
export function createI18n({ lng, resources }: I18nOptions = {}): Translator {
  const instance = new Translator(lng ?? detectLocale(), loadWords, resources);
  void instance.loadNamespace('translation');
  if (typeof document !== 'undefined') {
    const setHtmlLang = () => {
      document.documentElement.lang = instance.resolvedLanguage;
    };
    setHtmlLang();
    instance.subscribe(setHtmlLang);
  }
  return instance;
}

/** Resolves once the translator has the core words of the language it shows (or failed to). */
export function i18nReady(instance: Translator): Promise<void> {
  return instance.loadNamespace('translation');
}

/** The language the interface is shown in, always one of the supported locales. */
export function currentLocale(instance: Translator): Locale {
  return instance.resolvedLanguage;
}

/** Switches the interface language and remembers the choice for the next visit. */
export async function changeLocale(instance: Translator, locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch (error) {
    // Private browsing or a full quota: the language still changes for this visit.
    console.warn('Could not remember the chosen language in localStorage', error);
  }
  await instance.changeLanguage(locale);
}
