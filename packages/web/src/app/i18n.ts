import {
  DEFAULT_LOCALE,
  SUPPORTED_LOCALES,
  isLocale,
  resolveLocale,
  type Locale,
} from '@entry/shared';
import { createInstance, type BackendModule, type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import nl from '../i18n/nl.json';
import sv from '../i18n/sv.json';

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
 * Namespaces loaded with the pages that use them, in the language shown: the accounts pages'
 * words (registration, sign-in, passwords, profile, operator console, dev outbox) and any other
 * `src/i18n/<namespace>/<lng>.json`. The first page then does not carry them in four languages.
 */
export const ACCOUNTS_NS = 'accounts';

const lazyBundles = import.meta.glob<{ default: Record<string, unknown> }>('../i18n/*/*.json');

const lazyNamespaces: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = isLocale(language) ? lazyBundles[`../i18n/${namespace}/${language}.json`] : null;
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

export const resources = {
  en: { translation: en },
  nl: { translation: nl },
  sv: { translation: sv },
  fr: { translation: fr },
} as const satisfies Record<Locale, { translation: typeof en }>;

interface I18nOptions {
  /** A fixed language (tests); otherwise the stored choice, then the browser's languages. */
  lng?: Locale;
}

/**
 * One i18next instance for the app (or for one test). The core words of the four languages are
 * bundled: together they are a few kilobytes, less than a second request for one of them would
 * cost. The accounts pages' words load with those pages (ACCOUNTS_NS).
 */
export function createI18n({ lng }: I18nOptions = {}): I18n {
  const instance = createInstance();
  if (!lng) instance.use(LanguageDetector);
  instance.use(lazyNamespaces);
  instance.use(initReactI18next);
  void instance.init({
    resources,
    // The core words are bundled; other namespaces come from the backend above.
    partialBundledLanguages: true,
    ns: ['translation'],
    defaultNS: 'translation',
    lng,
    supportedLngs: [...SUPPORTED_LOCALES],
    fallbackLng: DEFAULT_LOCALE,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LOCALE_STORAGE_KEY,
      // Only an explicit choice is stored (see changeLocale): a remembered browser default
      // would hide a later change of the browser's language.
      caches: [],
      // "sv-SE" -> "sv"; unsupported languages stay as they are, so i18next moves on to the
      // browser's next preferred language before falling back to English.
      convertDetectedLanguage: (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase() ?? tag,
    },
  });
  if (typeof document !== 'undefined') {
    const setHtmlLang = (language: string) => {
      document.documentElement.lang = resolveLocale(language);
    };
    setHtmlLang(instance.resolvedLanguage ?? DEFAULT_LOCALE);
    instance.on('languageChanged', setHtmlLang);
  }
  return instance;
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
