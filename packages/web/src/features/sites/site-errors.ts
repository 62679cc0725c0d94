import { CombinedGraphQLErrors } from '@apollo/client';
import {
  ErrorCode,
  lifecycleProblemMessage,
  LIMITS,
  SiteProblemReason,
  UserErrorCode,
  type FieldProblem,
  type Locale,
} from '@entry/shared';
import { siteProblemMessage } from '../../components/form/user-error-message';
import {
  fieldNameOf,
  problemOf,
  sortUserErrors,
  wordedOrServers,
  type SortedErrors,
  type UserErrorLike,
} from '../../components/form/form-errors';

/** The limit behind a TOO_LONG on each field of the site and Entry app user forms. */
const MAX_LENGTH: Readonly<Record<string, number>> = {
  name: LIMITS.siteName,
  address: LIMITS.address,
  firstName: LIMITS.personName,
  lastName: LIMITS.personName,
  email: LIMITS.email,
  apartment: LIMITS.apartment,
  costCenter: LIMITS.costCenter,
};

/**
 * The reason behind a userError of the sites feature. The API sends field, code and message but
 * not the reason; on these forms the field and code imply it.
 */
function reasonOf(field: string | null, code: string): SiteProblemReason | undefined {
  if (code === UserErrorCode.TAKEN && field === 'name') return SiteProblemReason.SITE_NAME_TAKEN;
  if (code === UserErrorCode.TAKEN && field === 'email') return SiteProblemReason.EMAIL_AT_SITE;
  if (code === UserErrorCode.INVALID_STATE && field === 'siteId')
    return SiteProblemReason.SITE_INACTIVE;
  return undefined;
}

/**
 * A userError of the site and Entry app user forms in the language the interface shows now (the
 * server answers in the person's profile language, which may differ), with the sites' precise
 * words: "Another site already has this name." rather than a generic "already in use".
 */
export function siteErrorText(error: UserErrorLike, locale: Locale): string {
  const problem = problemOf(error);
  if (!problem) return error.message;
  const dated = lifecycleProblemMessage(problem, locale);
  if (dated !== null) return dated;
  // The server sends the reason and the limit (params); an answer without them still gets the
  // sites' precise words, implied by the field and code.
  const field = fieldNameOf(error.field);
  const reason = reasonOf(field, problem.code);
  const max = problem.code === UserErrorCode.TOO_LONG && field ? MAX_LENGTH[field] : undefined;
  const implied = { ...(reason ? { reason } : {}), ...(max === undefined ? {} : { max }) };
  return wordedOrServers({ ...problem, params: { ...implied, ...problem.params } }, error, locale);
}

/** userErrors onto the form's fields; the rest (and a site that is not found) above the form. */
export function sortSiteUserErrors<F extends string>(
  errors: readonly UserErrorLike[],
  fields: readonly F[],
  locale: Locale,
): SortedErrors<F> {
  return sortUserErrors(errors, fields, locale, siteErrorText);
}

/** Whether a failed request was refused as a whole with this `extensions.code`. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((item) => item.extensions?.['code'] === code)
  );
}

/**
 * A problem the site and Entry app user forms find themselves, in the server's words: the move
 * dates' own (shared lifecycle-words.ts, loaded with these forms only), else the sites' words.
 */
export function siteProblemText(problem: FieldProblem, locale: Locale): string {
  return lifecycleProblemMessage(problem, locale) ?? siteProblemMessage(problem, locale);
}

/**
 * The words key of a refusal the site and Entry app user forms explain themselves (a suspended
 * account, an access level that does not allow it), or null for any other failure.
 */
export function siteRefusalKey(
  error: unknown,
): 'sites.messages.suspended' | 'sites.messages.forbidden' | null {
  if (hasErrorCode(error, ErrorCode.ACCOUNT_SUSPENDED)) return 'sites.messages.suspended';
  if (hasErrorCode(error, ErrorCode.FORBIDDEN)) return 'sites.messages.forbidden';
  return null;
}
