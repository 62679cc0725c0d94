// How a problem of the sites feature is worded: apart from sites.ts, so that wording a form's
// problems (every page with a form) does not bring the sites' validation rules along.
import type { SiteProblemReason } from './sites';
import { fill, wordUserError, type FieldProblem, type UserErrorWords } from './user-errors';

/** The words of each reason in one language (user-error-words/<lng>.ts). */
export type SiteProblemWords = Readonly<Record<SiteProblemReason, string>>;

/**
 * The words for a problem of the sites feature: the precise ones when `params.reason` names one,
 * else the common message of its code. Form and API use it alike.
 */
export function wordSiteProblem(
  problem: FieldProblem,
  words: { siteProblems: SiteProblemWords; userErrors: UserErrorWords },
): string {
  const reason = problem.params?.['reason'];
  if (typeof reason === 'string' && reason in words.siteProblems)
    return fill(words.siteProblems[reason as SiteProblemReason], problem.params);
  return wordUserError(problem, words.userErrors);
}
