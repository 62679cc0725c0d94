import type { Locale } from '@entry/shared';
import {
  sortUserErrors,
  userErrorText,
  type SortedErrors,
  type UserErrorLike,
} from '../../components/form/form-errors';

const INDEX = /^\d+$/;

/**
 * A userError's field path without a trailing list index, and that index:
 * ["input", "siteIds", "0"] -> { field: ["input", "siteIds"], index: 0 }.
 */
export function splitListIndex(path: readonly string[] | null | undefined): {
  field: readonly string[];
  index: number | null;
} {
  const field = path ?? [];
  const last = field[field.length - 1];
  if (last !== undefined && INDEX.test(last)) {
    return { field: field.slice(0, -1), index: Number(last) };
  }
  return { field, index: null };
}

/**
 * Sorts a person mutation's userErrors onto the form's fields. An error about one of the chosen
 * sites (["input", "siteIds", "2"]) lands on the sites field and names that site.
 */
export function sortPersonErrors<F extends string>(
  errors: readonly UserErrorLike[],
  fields: readonly F[],
  locale: Locale,
  siteNames: readonly string[] = [],
): SortedErrors<F> {
  const named = errors.map((error): UserErrorLike => {
    const { field, index } = splitListIndex(error.field);
    if (index === null) return error;
    const text = userErrorText(error, locale);
    const site = siteNames[index];
    // The shared words, made specific: the message is kept as is by sortUserErrors for
    // unknown codes, so a code the table does not know passes through untouched.
    return { field, code: 'SITE_PROBLEM', message: site ? `${site}: ${text}` : text };
  });
  return sortUserErrors(named, fields, locale);
}
