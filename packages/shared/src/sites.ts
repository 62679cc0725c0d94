import { UserErrorCode } from './error-codes';
import { isIsoDate, MoveDateProblemReason } from './move-dates';
import type { FieldProblem } from './user-errors';
import { isValidEmail, LIMITS, normalizeEmail } from './validation';

/**
 * The site form (SiteInput): a name, an optional address and an optional cost centre (printed on
 * the site's invoice line). An absent costCenter leaves the site's as it is, so apps written
 * before it existed do not clear it; null or blank clears it.
 */
export interface SiteInput {
  name: string;
  address?: string | null;
  costCenter?: string | null;
}

/**
 * The Entry app user form (EntryUserInput). The move dates are YYYY-MM-DD (UTC days): left out,
 * an update keeps the user's (apps from before them must not clear them); null clears them.
 */
export interface EntryUserInput {
  firstName: string;
  lastName: string;
  email: string;
  apartment?: string | null;
  moveInDate?: string | null;
  moveOutDate?: string | null;
}

/** Where a problem of a field goes: ['input', 'name'] for forms, ['rows', '12', 'email'] for CSV. */
export type FieldPath = (field: string) => readonly string[];

const inputField: FieldPath = (field) => ['input', field];

function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed : null;
}

/** REQUIRED when blank, TOO_LONG (params.max) past `max`: a required text field's two rules. */
export function requiredText(
  problems: FieldProblem[],
  path: readonly string[],
  value: string,
  max: number,
): void {
  if (!value) problems.push({ field: path, code: UserErrorCode.REQUIRED });
  else if (value.length > max)
    problems.push({ field: path, code: UserErrorCode.TOO_LONG, params: { max } });
}

/** TOO_LONG (params.max) past `max`: an optional text field's rule. */
export function optionalMax(
  problems: FieldProblem[],
  path: readonly string[],
  value: string | null | undefined,
  max: number,
): void {
  if (value && value.length > max)
    problems.push({ field: path, code: UserErrorCode.TOO_LONG, params: { max } });
}

/** Trims (and collapses inner runs of spaces): what gets validated and stored. */
export function normalizeSiteInput(input: SiteInput): SiteInput {
  return {
    name: input.name.trim().replace(/\s+/g, ' '),
    address: optionalText(input.address),
    ...(input.costCenter === undefined ? {} : { costCenter: optionalText(input.costCenter) }),
  };
}

/** Every problem of a (normalized) site form at once. Name uniqueness is the server's to check. */
export function validateSiteInput(input: SiteInput, path: FieldPath = inputField): FieldProblem[] {
  const problems: FieldProblem[] = [];
  requiredText(problems, path('name'), input.name, LIMITS.siteName);
  optionalMax(problems, path('address'), input.address, LIMITS.address);
  optionalMax(problems, path('costCenter'), input.costCenter, LIMITS.costCenter);
  return problems;
}

export function normalizeEntryUserInput(input: EntryUserInput): EntryUserInput {
  return {
    firstName: input.firstName.trim().replace(/\s+/g, ' '),
    lastName: input.lastName.trim().replace(/\s+/g, ' '),
    email: normalizeEmail(input.email),
    apartment: optionalText(input.apartment),
    ...(input.moveInDate === undefined ? {} : { moveInDate: optionalText(input.moveInDate) }),
    ...(input.moveOutDate === undefined ? {} : { moveOutDate: optionalText(input.moveOutDate) }),
  };
}

/**
 * The move dates' rules that need no database: each a real day written YYYY-MM-DD, and moving
 * out no earlier than moving in. `today` (UTC, YYYY-MM-DD) adds the rule that a move-out newly
 * set cannot lie in the past (`keptMoveOut`: the user's current one, which may).
 */
export function validateMoveDates(
  input: Pick<EntryUserInput, 'moveInDate' | 'moveOutDate'>,
  path: FieldPath = inputField,
  rules: { today?: string; keptMoveOut?: string | null; moveInDate?: string | null } = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['moveInDate', 'moveOutDate'] as const) {
    const value = input[field];
    if (value && !isIsoDate(value))
      problems.push({ field: path(field), code: UserErrorCode.INVALID });
  }
  if (problems.length) return problems;
  const moveIn = input.moveInDate === undefined ? rules.moveInDate : input.moveInDate;
  const moveOut = input.moveOutDate === undefined ? rules.keptMoveOut : input.moveOutDate;
  if (!moveOut) return problems;
  if (moveIn && moveOut < moveIn)
    problems.push(siteProblem(path('moveOutDate'), MoveDateProblemReason.MOVE_OUT_BEFORE_MOVE_IN));
  else if (rules.today && moveOut !== rules.keptMoveOut && moveOut < rules.today)
    problems.push(siteProblem(path('moveOutDate'), MoveDateProblemReason.MOVE_OUT_IN_PAST));
  return problems;
}

const siteProblem = (field: readonly string[], reason: MoveDateProblemReason): FieldProblem => ({
  field,
  code: UserErrorCode.INVALID,
  params: { reason },
});

/** Every problem of a (normalized) Entry app user at once; email uniqueness is the server's. */
export function validateEntryUserInput(
  input: EntryUserInput,
  path: FieldPath = inputField,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  requiredText(problems, path('firstName'), input.firstName, LIMITS.personName);
  requiredText(problems, path('lastName'), input.lastName, LIMITS.personName);
  if (!input.email) problems.push({ field: path('email'), code: UserErrorCode.REQUIRED });
  else if (input.email.length > LIMITS.email)
    problems.push({
      field: path('email'),
      code: UserErrorCode.TOO_LONG,
      params: { max: LIMITS.email },
    });
  else if (!isValidEmail(input.email))
    problems.push({ field: path('email'), code: UserErrorCode.INVALID });
  optionalMax(problems, path('apartment'), input.apartment, LIMITS.apartment);
  problems.push(...validateMoveDates(input, path));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// CSV import and export of Entry app users

/** The columns of the CSV file, as the import page names them, in the template's order. */
export const ENTRY_USER_CSV_COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'apartment',
  'move_in_date',
  'move_out_date',
] as const;
export type EntryUserCsvColumn = (typeof ENTRY_USER_CSV_COLUMNS)[number];

/** Columns a file must have; apartment may be left out. */
export const ENTRY_USER_CSV_REQUIRED_COLUMNS: readonly EntryUserCsvColumn[] = [
  'first_name',
  'last_name',
  'email',
];

/** The EntryUserInput field each column fills. */
export const ENTRY_USER_CSV_FIELDS: Readonly<Record<EntryUserCsvColumn, keyof EntryUserInput>> = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  apartment: 'apartment',
  move_in_date: 'moveInDate',
  move_out_date: 'moveOutDate',
};

/** At most this many data rows per file: beyond it, split the file. */
export const ENTRY_USER_IMPORT_MAX_ROWS = 20_000;

/** A file may be this large (10 MB): 20,000 rows of long names and addresses fit. */
export const ENTRY_USER_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * One line of the file may be this large (64 KB). A row of the longest names, email and
 * apartment is under 2 KB even in four-byte characters; the rest is room for the other columns
 * a spreadsheet carries along (they are read, then ignored).
 */
export const ENTRY_USER_IMPORT_MAX_ROW_BYTES = 64 * 1024;

/** Rows are checked against the database and written in batches of this size. */
export const ENTRY_USER_IMPORT_BATCH = 500;

/** The downloadable template: the header and one example row. */
export const ENTRY_USER_CSV_TEMPLATE =
  'first_name,last_name,email,apartment,move_in_date,move_out_date\r\nAstrid,Lindqvist,astrid.lindqvist@example.com,1102,,\r\n';

/**
 * Why a problem of the sites feature happened, in `params.reason`: the code stays one of the
 * common ones (apps branch on it), the reason picks the more precise words.
 */
export const SiteProblemReason = {
  /** site name: another site of the company has it (compared without case and accents) */
  SITE_NAME_TAKEN: 'SITE_NAME_TAKEN',
  /** adding users to a deactivated site */
  SITE_INACTIVE: 'SITE_INACTIVE',
  /** email: a current Entry app user of the site has it */
  EMAIL_AT_SITE: 'EMAIL_AT_SITE',
  /** CSV: the same email on an earlier line (params.line) */
  DUPLICATE_IN_FILE: 'DUPLICATE_IN_FILE',
  /** CSV: the header row lacks a column (params.column) */
  MISSING_COLUMN: 'MISSING_COLUMN',
  /** CSV: more rows than ENTRY_USER_IMPORT_MAX_ROWS (params.max) */
  TOO_MANY_ROWS: 'TOO_MANY_ROWS',
  /** CSV: no header, no rows */
  EMPTY_FILE: 'EMPTY_FILE',
  /** CSV: a quote opened on params.line is never closed */
  UNCLOSED_QUOTE: 'UNCLOSED_QUOTE',
  /** CSV: larger than ENTRY_USER_IMPORT_MAX_BYTES (params.max, in MB) */
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** CSV: the row starting on params.line is larger than ENTRY_USER_IMPORT_MAX_ROW_BYTES (params.max, in KB) */
  ROW_TOO_LARGE: 'ROW_TOO_LARGE',
  /** CSV: the file cannot be read as CSV from params.line on */
  UNREADABLE: 'UNREADABLE',
  /** the import raced with another change of the site's users: nothing was written */
  CONFLICT: 'CONFLICT',
} as const;
export type SiteProblemReason = (typeof SiteProblemReason)[keyof typeof SiteProblemReason];
