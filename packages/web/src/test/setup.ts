import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { SUPPORTED_LOCALES } from '@entry/shared';
import * as en from '@entry/shared/user-error-words/en';
import * as fr from '@entry/shared/user-error-words/fr';
import * as nl from '@entry/shared/user-error-words/nl';
import * as sv from '@entry/shared/user-error-words/sv';
import { afterEach } from 'vitest';
import { addUserErrorWords } from '../components/form/user-error-words';

// Every language's user-error words at once, as createTestI18n gives every language's core
// words: the app loads them with the core words of the language it shows.
const userErrorWords = { en, nl, sv, fr } as const;
for (const locale of SUPPORTED_LOCALES) addUserErrorWords(locale, userErrorWords[locale]);

// findBy*/waitFor wait up to 1 s by default: a lazy page, its translations and a mocked request
// can take longer than that on a busy 2-core machine, and a flaky test helps nobody.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
});
