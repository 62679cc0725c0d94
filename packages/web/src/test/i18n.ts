import { SUPPORTED_LOCALES, type Locale } from '@entry/shared';
import type { WordTree, WordsByLanguage } from '../lib/translator';
import { createI18n } from '../app/i18n';

const words = import.meta.glob<WordTree>(
  ['../i18n/*.json', '../i18n/{sites,people,lists,audit}/*.json'],
  { eager: true, import: 'default' },
);

/**
 * Every language's core words and the sites', people's, list pieces' and audit log's (which were
 * core words until they got namespaces of their own), so a test renders at once; the app fetches one
 * language, and a page's namespaces with it. The accounts and billing words load as in the app.
 */
export const CORE_WORDS: WordsByLanguage = Object.fromEntries(
  SUPPORTED_LOCALES.map((lng) => [
    lng,
    {
      translation: words[`../i18n/${lng}.json`],
      sites: words[`../i18n/sites/${lng}.json`],
      people: words[`../i18n/people/${lng}.json`],
      lists: words[`../i18n/lists/${lng}.json`],
      audit: words[`../i18n/audit/${lng}.json`],
    },
  ]),
);

/** A translator as the app makes it, with the core words given instead of fetched. */
export function createTestI18n(lng?: Locale) {
  return createI18n({ lng, resources: CORE_WORDS });
}
