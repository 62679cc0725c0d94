import type { Locale } from '@entry/shared';
import type { ImportRow } from './entry-user-import';
import { toUserErrors } from '../common/user-errors';
import type { EntryUserImportRow } from './site.type';

/**
 * One row of an Entry app user import as the API answers it (GraphQL's preview and import, and
 * the REST upload routes alike), its problems in the caller's language.
 */
export function importRowOf(row: ImportRow, locale: Locale): EntryUserImportRow {
  return {
    line: row.line,
    firstName: row.values.firstName,
    lastName: row.values.lastName,
    email: row.values.email,
    apartment: row.values.apartment ?? null,
    moveInDate: row.values.moveInDate ?? null,
    moveOutDate: row.values.moveOutDate ?? null,
    valid: row.problems.length === 0,
    problems: toUserErrors(row.problems, locale),
  };
}
