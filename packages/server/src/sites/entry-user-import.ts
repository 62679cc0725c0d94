import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  ENTRY_USER_CSV_FIELDS,
  ENTRY_USER_CSV_REQUIRED_COLUMNS,
  ENTRY_USER_IMPORT_BATCH,
  ENTRY_USER_IMPORT_MAX_BYTES,
  ENTRY_USER_IMPORT_MAX_ROW_BYTES,
  ENTRY_USER_IMPORT_MAX_ROWS,
  normalizeEntryUserInput,
  SiteProblemReason,
  utcDay,
  UserErrorCode,
  validateEntryUserInput,
  validateMoveDates,
  WebhookEventType,
  type EntryUserCsvColumn,
  type EntryUserInput,
  type FieldProblem,
} from '@entry/shared';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { UserInputProblem } from '../common/user-errors';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transaction';
import { publishWebhookEvents, type WebhookEvent } from '../webhooks/webhook-outbox';
import { entryUserEvent } from '../webhooks/webhook-payloads';
import {
  CsvReadError,
  csvTextChunks,
  readCsvRecords,
  unguardFormula,
  type CsvLimits,
  type CsvRecord,
  type CsvRefusal,
} from './csv';
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
  moveindate: 'move_in_date',
  movein: 'move_in_date',
  moveoutdate: 'move_out_date',
  moveout: 'move_out_date',
};

const COLUMN_OF_FIELD = Object.fromEntries(
  Object.entries(ENTRY_USER_CSV_FIELDS).map(([column, field]) => [field, column]),
) as Record<keyof EntryUserInput, EntryUserCsvColumn>;

const rowField = (line: number) => (field: string) => [
  'rows',
  String(line),
  COLUMN_OF_FIELD[field as keyof EntryUserInput] ?? field,
];

/** A CSV file as it arrives: raw bytes (a request body), or the whole text (GraphQL's `csv`). */
export type CsvSource = string | AsyncIterable<Uint8Array>;

/** A file to preview or import: still to be read, or read already (the REST routes check first). */
export type ImportFile = CsvSource | ReadImport;

const readOf = (file: ImportFile, now?: Date): Promise<ReadImport> =>
  typeof file === 'string' || Symbol.asyncIterator in file
    ? readEntryUserCsv(file, now)
    : Promise.resolve(file);

export const isFileTooLarge = (problem: FieldProblem): boolean =>
  problem.params?.['reason'] === SiteProblemReason.FILE_TOO_LARGE;

const CSV_LIMITS: CsvLimits = {
  maxBytes: ENTRY_USER_IMPORT_MAX_BYTES,
  maxRecordBytes: ENTRY_USER_IMPORT_MAX_ROW_BYTES,
  // as many blank or empty lines (Excel's ",,,") as rows, and the header
  maxLines: 2 * ENTRY_USER_IMPORT_MAX_ROWS + 1,
};

const tooManyRows = (): ReadImport =>
  fileProblem(UserErrorCode.INVALID, {
    reason: SiteProblemReason.TOO_MANY_ROWS,
    max: ENTRY_USER_IMPORT_MAX_ROWS,
  });

const fileProblem = (code: UserErrorCode, params: FieldProblem['params']): ReadImport => ({
  columns: [],
  rows: [],
  problems: [{ field: FILE_FIELD, code, params }],
});

/** The words for a file csv-parse could not read, or one past a limit. */
function refusedFile(refusal: CsvRefusal): ReadImport {
  switch (refusal.kind) {
    case 'unclosedQuote':
      return fileProblem(UserErrorCode.INVALID, {
        reason: SiteProblemReason.UNCLOSED_QUOTE,
        line: refusal.line,
      });
    case 'recordTooLarge':
      return fileProblem(UserErrorCode.INVALID, {
        reason: SiteProblemReason.ROW_TOO_LARGE,
        line: refusal.line,
        max: ENTRY_USER_IMPORT_MAX_ROW_BYTES / 1024,
      });
    case 'fileTooLarge':
      return fileProblem(UserErrorCode.TOO_LONG, {
        reason: SiteProblemReason.FILE_TOO_LARGE,
        max: ENTRY_USER_IMPORT_MAX_BYTES / (1024 * 1024),
      });
    case 'tooManyLines':
      return tooManyRows();
    case 'unreadable':
      return fileProblem(UserErrorCode.INVALID, {
        reason: SiteProblemReason.UNREADABLE,
        line: refusal.line,
      });
  }
}

/**
 * Reads and checks a file of Entry app users without touching the database, as it arrives: the
 * header row (any order, any case), every row's fields, and the same email twice in the file
 * (the first valid row keeps it). Reading stops at the first problem of the file as a whole (a
 * missing column, one row past ENTRY_USER_IMPORT_MAX_ROWS, a byte past the size limit), so what
 * is kept is at most the rows an import may have. A move-out day before `now`'s (UTC) is refused.
 */
export async function readEntryUserCsv(
  source: CsvSource,
  now: Date = new Date(),
): Promise<ReadImport> {
  const today = utcDay(now);
  const batches = readCsvRecords(
    typeof source === 'string' ? csvTextChunks(source) : source,
    CSV_LIMITS,
  );
  let header: Header | null = null;
  const firstLineOfEmail = new Map<string, number>();
  const rows: ImportRow[] = [];
  try {
    for await (const records of batches) {
      for (const record of records) {
        if (!header) {
          header = headerOf(record);
          if (header.missing.length)
            return { columns: header.columns, rows: [], problems: header.missing };
          continue;
        }
        const { cell, columns } = header;
        // a row whose columns are all empty (Excel's trailing ",,,") is not a row
        if (!columns.some((column) => cell(record.fields, column) !== '')) continue;
        if (rows.length === ENTRY_USER_IMPORT_MAX_ROWS) return tooManyRows();
        rows.push(checkedRow(record, cell, firstLineOfEmail, today));
      }
    }
  } catch (error) {
    if (error instanceof CsvReadError) return refusedFile(error.refusal);
    throw error;
  } finally {
    // stops the parser when a problem ended reading early
    await batches.return(undefined);
  }
  if (!header) return fileProblem(UserErrorCode.REQUIRED, { reason: SiteProblemReason.EMPTY_FILE });
  return { columns: header.columns, rows, problems: [] };
}

type CellOf = (fields: string[], column: EntryUserCsvColumn) => string;

interface Header {
  /** columns recognised, in the file's order */
  readonly columns: EntryUserCsvColumn[];
  readonly missing: FieldProblem[];
  /** a row's value of a column, trimmed, '' when the file has no such column */
  readonly cell: CellOf;
}

function headerOf(record: CsvRecord): Header {
  const positions = new Map<EntryUserCsvColumn, number>();
  record.fields.forEach((cell, index) => {
    const column = HEADER_ALIASES[cell.toLowerCase().replace(/[^a-z]/g, '')];
    if (column && !positions.has(column)) positions.set(column, index);
  });
  const columns = [...positions.entries()].sort((a, b) => a[1] - b[1]).map(([column]) => column);
  const missing: FieldProblem[] = ENTRY_USER_CSV_REQUIRED_COLUMNS.filter(
    (column) => !positions.has(column),
  ).map((column) => ({
    field: [...FILE_FIELD, column],
    code: UserErrorCode.REQUIRED,
    params: { reason: SiteProblemReason.MISSING_COLUMN, column },
  }));
  const cell: CellOf = (fields, column) => {
    const index = positions.get(column);
    return index === undefined ? '' : unguardFormula((fields[index] ?? '').trim());
  };
  return { columns, missing, cell };
}

/** One data row, normalized and validated; its email taken when an earlier valid row has it. */
function checkedRow(
  record: CsvRecord,
  cell: CellOf,
  firstLineOfEmail: Map<string, number>,
  today: string,
): ImportRow {
  const values = normalizeEntryUserInput({
    firstName: cell(record.fields, 'first_name'),
    lastName: cell(record.fields, 'last_name'),
    email: cell(record.fields, 'email'),
    apartment: cell(record.fields, 'apartment'),
    moveInDate: cell(record.fields, 'move_in_date'),
    moveOutDate: cell(record.fields, 'move_out_date'),
  });
  const path = rowField(record.line);
  const problems = validateEntryUserInput(values, path);
  if (!problems.length) problems.push(...validateMoveDates(values, path, { today }));
  if (!problems.length) {
    const earlier = firstLineOfEmail.get(values.email);
    if (earlier === undefined) firstLineOfEmail.set(values.email, record.line);
    else
      problems.push({
        field: path('email'),
        code: UserErrorCode.TAKEN,
        params: { reason: SiteProblemReason.DUPLICATE_IN_FILE, line: earlier },
      });
  }
  return { line: record.line, values, problems };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
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

export interface PreviewOptions {
  /** called with each batch of rows once checked against the site's users, to stream them */
  readonly onChecked?: (rows: readonly ImportRow[]) => void | Promise<void>;
}

/** What importing the file would do; writes nothing. */
export async function previewEntryUserImport(
  dataSource: DataSource,
  scope: SiteScope,
  siteId: string,
  file: ImportFile,
  options: PreviewOptions = {},
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
  const read = await readOf(file);
  for (const batch of chunks(read.rows, ENTRY_USER_IMPORT_BATCH)) {
    await markExistingEmails(dataSource.manager, site.id, batch);
    await options.onChecked?.(batch);
  }
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
  file: ImportFile,
  actor: AuditActor,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const now = options.now ?? new Date();
  const read = await readOf(file, now);
  // The body may run again after a write conflict (inTransaction): progress already sent to the
  // client is not sent twice, and never goes backwards.
  let reported = -1;
  const report = async (processed: number, total: number) => {
    if (processed <= reported) return;
    reported = processed;
    await options.onProgress?.(processed, total);
  };
  try {
    return await inTransaction(dataSource, async (manager) => {
      const site = await requireVisibleSite(manager, scope, siteId, SITE_FIELD);
      if (read.problems.length) throw new UserInputProblem(read.problems);
      if (!site.active) throw siteInactive();
      // this run's own copy: the rows' problems grow below, and a second run starts afresh
      const rows = read.rows.map((row) => ({ ...row, problems: [...row.problems] }));
      const total = rows.length;
      let processed = 0;
      let imported = 0;
      // one ENTRY_USER_ADDED per user, written together at the end: a few multi-row INSERTs
      const events: WebhookEvent[] = [];
      await report(0, total);
      for (const batch of chunks(rows, ENTRY_USER_IMPORT_BATCH)) {
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
        for (const user of users)
          events.push(entryUserEvent(WebhookEventType.ENTRY_USER_ADDED, user));
        imported += users.length;
        processed += batch.length;
        await report(processed, total);
      }
      const skipped = rows.filter((row) => row.problems.length);
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
      await publishWebhookEvents(manager, site.companyId, events, now);
      return { imported, total, skipped };
    });
  } catch (error) {
    // someone added one of the addresses while the import ran: all or nothing, so nothing
    if (isUniqueViolation(error))
      throw problem(FILE_FIELD, UserErrorCode.INVALID_STATE, SiteProblemReason.CONFLICT);
    throw error;
  }
}
