// User errors worded in the language the interface shows, from the shared tables: only that
// language's words are loaded (with the core words, app/i18n.ts), not all four (~3 kB gzipped
// less on every page with a form). The server words with packages/shared's problem-messages.ts.
import {
  wordSiteProblem,
  wordUserError,
  type FieldProblem,
  type Locale,
  type SiteProblemWords,
  type UserErrorWords,
} from '@entry/shared';

interface LanguageWords {
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

function wordsIn(locale: Locale): LanguageWords {
  const words = loaded.get(locale);
  // The interface shows no language before its core words, and these, are loaded.
  if (!words) throw new Error(`The ${locale} user-error words are not loaded (app/i18n.ts)`);
  return words;
}

/** A problem of a form in the interface's language, as the server words it. */
export function userErrorMessage(problem: FieldProblem, locale: Locale): string {
  return wordUserError(problem, wordsIn(locale).USER_ERROR_WORDS);
}

/** A problem of the sites feature: the words of its reason when it has one, else of its code. */
export function siteProblemMessage(problem: FieldProblem, locale: Locale): string {
  const words = wordsIn(locale);
  return wordSiteProblem(problem, {
    userErrors: words.USER_ERROR_WORDS,
    siteProblems: words.SITE_PROBLEM_WORDS,
  });
}
