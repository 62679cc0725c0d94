import type { Locale } from '@entry/shared';
import type { WordTree, WordsByLanguage } from '../lib/translator';
import { createI18n } from '../app/i18n';

const coreWords = import.meta.glob<WordTree>('../i18n/*.json', {
  eager: true,
  import: 'default',
});

/** Every language's core words, so a test renders at once (the app fetches one language). */
export const CORE_WORDS: WordsByLanguage = Object.fromEntries(
  Object.entries(coreWords).map(([path, words]) => [
    /([a-z]+)\.json$/.exec(path)?.[1] ?? path,
    { translation: words },
  ]),
);

/** A translator as the app makes it, with the core words given instead of fetched. */
export function createTestI18n(lng?: Locale) {
  return createI18n({ lng, resources: CORE_WORDS });
}
