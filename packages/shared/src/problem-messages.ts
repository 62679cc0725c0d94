// Problems worded in any language: the server answers each request in its own. The web app
// words with one language's tables only (web/src/components/form/user-error-words.ts), so this
// module, which holds all four, stays out of its bundle.
import type { Locale } from './locales';
import { wordSiteProblem, type SiteProblemWords } from './site-problem-words';
import { lifecycleProblemMessage } from './lifecycle-words';
import { siteTransferProblemMessage } from './site-transfer-words';
import { wordUserError, type FieldProblem, type UserErrorWords } from './user-errors';
import * as en from './user-error-words/en';
import * as fr from './user-error-words/fr';
import * as nl from './user-error-words/nl';
import * as sv from './user-error-words/sv';

const WORDS: Readonly<
  Record<Locale, { USER_ERROR_WORDS: UserErrorWords; SITE_PROBLEM_WORDS: SiteProblemWords }>
> = { en, nl, sv, fr };

export function userErrorMessage(problem: FieldProblem, locale: Locale): string {
  return (
    lifecycleProblemMessage(problem, locale) ??
    wordUserError(problem, WORDS[locale].USER_ERROR_WORDS)
  );
}

/**
 * The words for a problem of the sites feature (site transfers included): the precise ones when
 * `params.reason` names one, else the common message of its code.
 */
export function siteProblemMessage(problem: FieldProblem, locale: Locale): string {
  const own =
    siteTransferProblemMessage(problem, locale) ?? lifecycleProblemMessage(problem, locale);
  if (own !== null) return own;
  const { USER_ERROR_WORDS, SITE_PROBLEM_WORDS } = WORDS[locale];
  return wordSiteProblem(problem, {
    userErrors: USER_ERROR_WORDS,
    siteProblems: SITE_PROBLEM_WORDS,
  });
}
