import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  ENTRY_USER_CSV_FIELDS,
  ENTRY_USER_CSV_REQUIRED_COLUMNS,
  ENTRY_USER_IMPORT_BATCH,
  ENTRY_USER_IMPORT_MAX_ROWS,
  normalizeEntryUserInput,
  SiteProblemReason,
  UserErrorCode,
  validateEntryUserInput,
  type EntryUserCsvColumn,
  type EntryUserInput,
  type FieldProblem,
} from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { UserInputProblem } from '../common/user-errors';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transaction';
import { parseCsv, unguardFormula } from './csv';
import { EntryUserEntity } from './entry-user.entity';
import { newEntryUser, siteInactive } from './entry-users.service';
import { problem } from './site-errors';
import type { SiteScope } from './site-scope';
import type { SiteEntity } from './site.entity';
import { findVisibleSite, requireVisibleSite } from './sites.service';

const FILE_FIELD = ['csv'];
const SITE_FIELD = ['siteId'];

/** One data row of the file: its values (normalized) and what is wrong with it. */
export interface ImportRow {
  readonly line: number;
  readonly values: EntryUserInput;
  readonly problems: FieldProblem[];
}

export interface ReadImport {
  /** columns recognised in the header, in the file's order */
  readonly columns: EntryUserCsvColumn[];
  readonly rows: ImportRow[];
  /** problems of the file as a whole; when there are any, `rows` is empty */
  readonly problems: FieldProblem[];
}

/** Header cells people write, folded to letters only: "First name", "first_name", "FIRSTNAME". */
const HEADER_ALIASES: Readonly<Record<string, EntryUserCsvColumn>> = {
  firstname: 'first_name',
  lastname: 'last_name',
  email: 'email',
  emailaddress: 'email',
  apartment: 'apartment',
  flat: 'apartment',
};

const COLUMN_OF_FIELD = Object.fromEntries(
  Object.entries(ENTRY_USER_CSV_FIELDS).map(([column, field]) => [field, column]),
) as Record<keyof EntryUserInput, EntryUserCsvColumn>;

const rowField = (line: number) => (field: string) => [
  'rows',
  String(line),
  COLUMN_OF_FIELD[field as keyof EntryUserInput] ?? field,
];

/**
 * Reads and checks a file of Entry app users without touching the database: the header row
 * (any order, any case), every row's fields, and the same email twice in the file (the first
 * valid row keeps it).
 */
export function readEntryUserCsv(csv: string): ReadImport {
  const parsed = parseCsv(csv);
  if (!parsed.ok) {
    return {
      columns: [],
      rows: [],
      problems: [
        {
          field: FILE_FIELD,
          code: UserErrorCode.INVALID,
          params: { reason: SiteProblemReason.UNCLOSED_QUOTE, line: parsed.unclosedQuoteLine },
        },
      ],
    };
  }
  const [header, ...records] = parsed.records;
  if (!header) {
    return {
      columns: [],
      rows: [],
      problems: [
        {
          field: FILE_FIELD,
          code: UserErrorCode.REQUIRED,
          params: { reason: SiteProblemReason.EMPTY_FILE },
        },
      ],
    };
  }
  const positions = new Map<EntryUserCsvColumn, number>();
  header.fields.forEach((cell, index) => {
    const column = HEADER_ALIASES[cell.toLowerCase().replace(/[^a-z]/g, '')];
    if (column && !positions.has(column)) positions.set(column, index);
  });
  const columns = [...positions.entries()].sort((a, b) => a[1] - b[1]).map(([column]) => column);
  const problems: FieldProblem[] = ENTRY_USER_CSV_REQUIRED_COLUMNS.filter(
    (column) => !positions.has(column),
  ).map((column) => ({
    field: [...FILE_FIELD, column],
    code: UserErrorCode.REQUIRED,
    params: { reason: SiteProblemReason.MISSING_COLUMN, column },
  }));
  const cell = (fields: string[], column: EntryUserCsvColumn) => {
    const index = positions.get(column);
    return index === undefined ? '' : unguardFormula((fields[index] ?? '').trim());
  };
  const dataRecords = records.filter((record) =>
    columns.some((column) => cell(record.fields, column) !== ''),
  );
  if (dataRecords.length > ENTRY_USER_IMPORT_MAX_ROWS) {
    problems.push({
      field: FILE_FIELD,
      code: UserErrorCode.INVALID,
      params: { reason: SiteProblemReason.TOO_MANY_ROWS, max: ENTRY_USER_IMPORT_MAX_ROWS },
    });
  }
  if (problems.length) return { columns, rows: [], problems };

  const firstLineOfEmail = new Map<string, number>();
  const rows = dataRecords.map((record): ImportRow => {
    const values = normalizeEntryUserInput({
      firstName: cell(record.fields, 'first_name'),
      lastName: cell(record.fields, 'last_name'),
      email: cell(record.fields, 'email'),
      apartment: cell(record.fields, 'apartment'),
    });
    const path = rowField(record.line);
    const rowProblems = validateEntryUserInput(values, path);
    if (!rowProblems.length) {
      const earlier = firstLineOfEmail.get(values.email);
      if (earlier === undefined) firstLineOfEmail.set(values.email, record.line);
      else
        rowProblems.push({
          field: path('email'),
          code: UserErrorCode.TAKEN,
          params: { reason: SiteProblemReason.DUPLICATE_IN_FILE, line: earlier },
        });
    }
    return { line: record.line, values, problems: rowProblems };
  });
  return { columns, rows, problems: [] };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Flags the still-valid rows whose email a current user of the site already has. */
async function markExistingEmails(
  manager: EntityManager,
  siteId: string,
  rows: readonly ImportRow[],
): Promise<void> {
  const candidates = rows.filter((row) => !row.problems.length);
  if (!candidates.length) return;
  const taken = await manager.getRepository(EntryUserEntity).find({
    select: { activeEmail: true },
    where: { siteId, activeEmail: In(candidates.map((row) => row.values.email)) },
  });
  const emails = new Set(taken.map((user) => user.activeEmail));
  for (const row of candidates) {
    if (emails.has(row.values.email))
      row.problems.push({
        field: rowField(row.line)('email'),
        code: UserErrorCode.TAKEN,
        params: { reason: SiteProblemReason.EMAIL_AT_SITE },
      });
  }
}

export interface ImportPreview {
  readonly site: SiteEntity | null;
  readonly read: ReadImport;
  /** problems of the site (not found, deactivated) */
  readonly siteProblems: FieldProblem[];
}

/** What importing the file would do; writes nothing. */
export async function previewEntryUserImport(
  dataSource: DataSource,
  scope: SiteScope,
  siteId: string,
  csv: string,
): Promise<ImportPreview> {
  const site = await findVisibleSite(dataSource.manager, scope, siteId);
  if (!site) {
    const empty: ReadImport = { columns: [], rows: [], problems: [] };
    return {
      site: null,
      read: empty,
      siteProblems: [{ field: SITE_FIELD, code: UserErrorCode.NOT_FOUND }],
    };
  }
  const read = readEntryUserCsv(csv);
  for (const batch of chunks(read.rows, ENTRY_USER_IMPORT_BATCH))
    await markExistingEmails(dataSource.manager, site.id, batch);
  const siteProblems: FieldProblem[] = site.active
    ? []
    : [
        {
          field: SITE_FIELD,
          code: UserErrorCode.INVALID_STATE,
          params: { reason: SiteProblemReason.SITE_INACTIVE },
        },
      ];
  return { site, read, siteProblems };
}

export interface ImportOutcome {
  readonly imported: number;
  readonly total: number;
  /** the rows not imported, with their problems */
  readonly skipped: ImportRow[];
}

export interface ImportOptions {
  /** called after each batch, inside the transaction: rows processed so far of the total */
  readonly onProgress?: (processed: number, total: number) => void | Promise<void>;
  readonly now?: Date;
  /** the file as readEntryUserCsv read it already (the REST endpoint checks it first) */
  readonly read?: ReadImport;
}

/**
 * Imports every valid row of the file in ONE transaction, checked and inserted in batches:
 * either all valid rows are written, with one audit event, or nothing is. Invalid rows are
 * skipped and returned with their problems; problems of the file as a whole write nothing.
 */
export async function importEntryUsers(
  dataSource: DataSource,
  scope: SiteScope,
  siteId: string,
  csv: string,
  actor: AuditActor,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const now = options.now ?? new Date();
  const read = options.read ?? readEntryUserCsv(csv);
  try {
    return await inTransaction(dataSource, async (manager) => {
      const site = await requireVisibleSite(manager, scope, siteId, SITE_FIELD);
      if (read.problems.length) throw new UserInputProblem(read.problems);
      if (!site.active) throw siteInactive();
      const total = read.rows.length;
      let processed = 0;
      let imported = 0;
      await options.onProgress?.(0, total);
      for (const batch of chunks(read.rows, ENTRY_USER_IMPORT_BATCH)) {
        await markExistingEmails(manager, site.id, batch);
        const users = batch
          .filter((row) => !row.problems.length)
          .map((row) => newEntryUser(site, row.values, now));
        if (users.length) {
          await manager
            .createQueryBuilder()
            .insert()
            .into(EntryUserEntity)
            .values(users)
            .updateEntity(false)
            .execute();
        }
        imported += users.length;
        processed += batch.length;
        await options.onProgress?.(processed, total);
      }
      const skipped = read.rows.filter((row) => row.problems.length);
      if (imported) {
        await recordAudit(
          manager,
          actor,
          {
            companyId: site.companyId,
            kind: 'entry_user.imported',
            subjectType: 'site',
            subjectId: site.id,
            siteId: site.id,
            after: { imported, skipped: skipped.length, rows: total },
          },
          now,
        );
      }
      return { imported, total, skipped };
    });
  } catch (error) {
    // someone added one of the addresses while the import ran: all or nothing, so nothing
    if (isUniqueViolation(error))
      throw problem(FILE_FIELD, UserErrorCode.INVALID_STATE, SiteProblemReason.CONFLICT);
    throw error;
  }
}
