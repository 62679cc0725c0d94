// User errors worded in the interface's language, as the server words them: the shared wording
// rules over the words of the one language loaded (user-error-words.ts).
import { wordSiteProblem, wordUserError, type FieldProblem, type Locale } from '@entry/shared';
import { userErrorWordsIn } from './user-error-words';

/** A problem of a form, in the words of its code (or of its field and params when precise). */
export function userErrorMessage(problem: FieldProblem, locale: Locale): string {
  return wordUserError(problem, userErrorWordsIn(locale).USER_ERROR_WORDS);
}

/** A problem of the sites feature: the words of its reason when it has one, else of its code. */
export function siteProblemMessage(problem: FieldProblem, locale: Locale): string {
  const words = userErrorWordsIn(locale);
  return wordSiteProblem(problem, {
    userErrors: words.USER_ERROR_WORDS,
    siteProblems: words.SITE_PROBLEM_WORDS,
  });
}
