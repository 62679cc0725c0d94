import { CombinedGraphQLErrors } from '@apollo/client';
import { ErrorCode, type Locale } from '@entry/shared';
import type { TFunction } from '../../lib/translator';
import {
  sortUserErrors,
  type SortedErrors,
  type UserErrorLike,
} from '../../components/form/form-errors';

/** What a mutation of this page came to: its result, the userErrors to show, or a failure. */
export type Sent<T> =
  | { kind: 'done'; result: T }
  | { kind: 'refused'; userErrors: readonly UserErrorLike[] }
  | { kind: 'failed'; forbidden: boolean };

/**
 * Sends one of the page's mutations (whose payloads all carry userErrors) and says how it went.
 * `pick` takes what the caller needs from the payload; a payload with neither that nor userErrors
 * is a failure. Failures are logged here with `what`, once, so no caller swallows one.
 */
export async function send<P extends { userErrors: readonly UserErrorLike[] }, T>(
  what: string,
  mutate: () => Promise<P | null | undefined>,
  pick: (payload: P) => T | null | undefined,
): Promise<Sent<T>> {
  try {
    const payload = await mutate();
    if (payload && payload.userErrors.length > 0)
      return { kind: 'refused', userErrors: payload.userErrors };
    const result = payload ? pick(payload) : null;
    if (result !== null && result !== undefined) return { kind: 'done', result };
    console.error(`${what}: the answer had neither a result nor userErrors`, payload);
    return { kind: 'failed', forbidden: false };
  } catch (error) {
    // Refused as a whole: the person's level changed since the page loaded (or a key asked).
    const forbidden =
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((item) => item.extensions?.['code'] === ErrorCode.FORBIDDEN);
    if (!forbidden) console.error(`${what} failed`, error);
    return { kind: 'failed', forbidden };
  }
}

/**
 * What a form or a row shows when a mutation did not succeed: userErrors on the form's `fields`
 * (worded from the shared tables in the language shown), the rest in its alert; a failure in
 * the alert. Never an empty answer: something went wrong, so something is said.
 */
export function problemsOf<F extends string>(
  sent: Exclude<Sent<unknown>, { kind: 'done' }>,
  fields: readonly F[],
  locale: Locale,
  t: TFunction<'integrations'>,
): SortedErrors<F> {
  if (sent.kind === 'failed')
    return {
      fields: {},
      form: [sent.forbidden ? t('integrations.forbidden') : t('integrations.requestFailed')],
    };
  const sorted = sortUserErrors(sent.userErrors, fields, locale);
  const anything = sorted.form.length > 0 || Object.values(sorted.fields).some(Boolean);
  return anything ? sorted : { fields: {}, form: [t('integrations.requestFailed')] };
}

/** The problems of a mutation sent from a row (no form fields): one sentence for its notice. */
export function rowProblemText(
  sent: Exclude<Sent<unknown>, { kind: 'done' }>,
  locale: Locale,
  t: TFunction<'integrations'>,
): string {
  return problemsOf(sent, [], locale, t).form.join(' ');
}
