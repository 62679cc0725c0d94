// The words of user errors in the language the interface shows, from the shared tables: only that
// language's module is loaded (with the core words, app/i18n.ts), not all four (~4 kB gzipped less
// on every page with a form). Worded by user-error-message.ts; the server words with
// packages/shared's problem-messages.ts.
import type { Locale, SiteProblemWords, UserErrorWords } from '@entry/shared';

export interface LanguageWords {
  USER_ERROR_WORDS: UserErrorWords;
  SITE_PROBLEM_WORDS: SiteProblemWords;
}

const LOADERS: Readonly<Record<Locale, () => Promise<LanguageWords>>> = {
  en: () => import('@entry/shared/user-error-words/en'),
  nl: () => import('@entry/shared/user-error-words/nl'),
  sv: () => import('@entry/shared/user-error-words/sv'),
  fr: () => import('@entry/shared/user-error-words/fr'),
};

const loaded = new Map<Locale, LanguageWords>();
const loading = new Map<Locale, Promise<void>>();

/** Fetches a language's words once; app/i18n.ts does it with that language's core words. */
export function loadUserErrorWords(locale: Locale): Promise<void> {
  let load = loading.get(locale);
  if (!load) {
    load = LOADERS[locale]().then((words) => addUserErrorWords(locale, words));
    loading.set(locale, load);
  }
  return load;
}

/** A language's words given at once instead of fetched (the unit tests give all four). */
export function addUserErrorWords(locale: Locale, words: LanguageWords): void {
  loaded.set(locale, words);
}

/** The words of a language already loaded (the interface shows none before they are). */
export function userErrorWordsIn(locale: Locale): LanguageWords {
  const words = loaded.get(locale);
  if (!words) throw new Error(`The ${locale} user-error words are not loaded (app/i18n.ts)`);
  return words;
}
