import {
  DEFAULT_LOCALE,
  SUPPORTED_LOCALES,
  isLocale,
  resolveLocale,
  type Locale,
} from '@entry/shared';
import { createInstance, type BackendModule, type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

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
 * (`src/i18n/<lng>.json`, namespace `translation`) when the app starts, the accounts pages', the
 * billing screens' and the Integrations page's (`src/i18n/<namespace>/<lng>.json`) with those
 * pages. Bundled, the core words of the three languages not shown cost the first page ~15 kB
 * gzipped.
 */
export const ACCOUNTS_NS = 'accounts';
export const BILLING_NS = 'billing';
export const INTEGRATIONS_NS = 'integrations';

type WordsModule = { default: Record<string, unknown> };
const coreBundles = import.meta.glob<WordsModule>('../i18n/*.json');
const namespaceBundles = import.meta.glob<WordsModule>('../i18n/*/*.json');

function bundleLoader(language: string, namespace: string): (() => Promise<WordsModule>) | null {
  if (!isLocale(language)) return null;
  return namespace === 'translation'
    ? (coreBundles[`../i18n/${language}.json`] ?? null)
    : (namespaceBundles[`../i18n/${namespace}/${language}.json`] ?? null);
}

const lazyWords: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = bundleLoader(language, namespace);
    if (!load) {
      callback(new Error(`No translations for ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => {
        console.error(`Loading the ${language} ${namespace} translations failed`, error);
        callback(error instanceof Error ? error : new Error(String(error)), false);
      },
    );
  },
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

/**
 * English stands behind a language the portal does not speak, never behind one it does: the
 * locale tests hold every language to exactly English's keys, so loading English as well for a
 * Dutch reader would only cost bytes.
 */
function fallbackFor(code: string | undefined): Locale[] {
  return code && isLocale(code) ? [] : [DEFAULT_LOCALE];
}

interface I18nOptions {
  /** A fixed language (tests); otherwise the stored choice, then the browser's languages. */
  lng?: Locale;
  /**
   * Words given up front instead of loaded (tests render synchronously with them); namespaces
   * not given still load on demand.
   */
  resources?: Resource;
}

/**
 * One i18next instance for the app (or for one test). Without `resources` the words of the
 * language shown are still loading when this returns: the app waits for `i18nReady`.
 */
export function createI18n({ lng, resources }: I18nOptions = {}): I18n {
  const instance = createInstance();
  instance.use(lazyWords);
  instance.use(initReactI18next);
  void instance.init({
    resources,
    // Given words are used as they are; anything else comes from the backend above.
    partialBundledLanguages: true,
    ns: ['translation'],
    defaultNS: 'translation',
    lng: lng ?? detectLocale(),
    supportedLngs: [...SUPPORTED_LOCALES],
    fallbackLng: fallbackFor,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
  });
  if (typeof document !== 'undefined') {
    const setHtmlLang = (language: string) => {
      document.documentElement.lang = resolveLocale(language);
    };
    setHtmlLang(instance.resolvedLanguage ?? instance.language ?? DEFAULT_LOCALE);
    instance.on('languageChanged', setHtmlLang);
  }
  return instance;
}

/** Resolves once the instance has the core words of the language it shows (or failed to). */
export function i18nReady(instance: I18n): Promise<void> {
  if (instance.isInitialized) return Promise.resolve();
  return new Promise((ready) => instance.on('initialized', () => ready()));
}

/** The language the interface is shown in, always one of the supported locales. */
export function currentLocale(instance: I18n): Locale {
  return resolveLocale(instance.resolvedLanguage ?? instance.language);
}

/** Switches the interface language and remembers the choice for the next visit. */
export async function changeLocale(instance: I18n, locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch (error) {
    // Private browsing or a full quota: the language still changes for this visit.
    console.warn('Could not remember the chosen language in localStorage', error);
  }
  await instance.changeLanguage(locale);
}
