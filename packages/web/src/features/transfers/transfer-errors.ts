import { siteTransferProblemMessage, type Locale } from '@entry/shared';
import { problemOf, userErrorText, type UserErrorLike } from '../../components/form/form-errors';

/**
 * A userError of the transfer forms and decisions in the language shown: a transfer's own reason
 * (TRANSFER_PENDING, TRANSFER_NOT_PENDING, ...) in its words, which only these pages load (shared
 * site-transfer-words.ts), else the words every form has.
 */
export function transferErrorText(error: UserErrorLike, locale: Locale): string {
  const problem = problemOf(error);
  return (problem && siteTransferProblemMessage(problem, locale)) ?? userErrorText(error, locale);
}
