import { finished } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { CsvError, parse, type Options, type Parser } from 'csv-parse';

/**
 * Reads CSV files as they arrive (the writer is common/csv.ts), with csv-parse: the Entry app
 * user files people keep in Excel, Numbers or LibreOffice. Fields may be quoted ("" inside quotes
 * is a quote, and quotes may hold delimiters and line breaks); lines end in CRLF, LF or CR, mixed;
 * a UTF-8 byte order mark is dropped; blank lines are skipped. The delimiter is a comma, or a
 * semicolon (Excel in Dutch, Swedish and French saves those) or a tab, chosen from the header line.
 *
 * Nothing holds the whole file: bytes flow through the parser a chunk at a time and records come
 * out one by one, so memory stays flat whatever is sent, and reading stops at the limits below
 * (and wherever the caller stops asking for records).
 */

export interface CsvRecord {
  /** line of the file the record starts on, 1-based */
  readonly line: number;
  readonly fields: string[];
}

export interface CsvLimits {
  /** the file may be this large; reading stops at the first byte past it */
  readonly maxBytes: number;
  /** one record (a header or a row, all its fields) may be this large */
  readonly maxRecordBytes: number;
  /**
   * the file may have this many lines, blank ones and those inside quoted fields included:
   * parsing costs per line (a few microseconds), so a file of nothing but line breaks or empty
   * rows must not take the size limit's worth of them
   */
  readonly maxLines: number;
}

/** Why a file could not be read: the line is where the record in question starts. */
export type CsvRefusal =
  | { readonly kind: 'unclosedQuote'; readonly line: number }
  | { readonly kind: 'recordTooLarge'; readonly line: number }
  | { readonly kind: 'fileTooLarge' }
  | { readonly kind: 'tooManyLines' }
  | { readonly kind: 'unreadable'; readonly line: number };

export class CsvReadError extends Error {
  constructor(readonly refusal: CsvRefusal) {
    super(`CSV refused: ${refusal.kind}`);
  }
}

const CANDIDATES = [',', ';', '\t'] as const;

/** The delimiter used most in the first line outside quotes; a comma when none is. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const candidate of CANDIDATES)
    if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return best;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Whether the bytes hold the end of the first line: a line break outside quotes. */
function holdsFirstLineEnd(bytes: Uint8Array): boolean {
  let quoted = false;
  for (const byte of bytes) {
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && (byte === LF || byte === CR)) return true;
  }
  return false;
}

/** csv-parse's settings for the behaviours above; `delimiter` comes from the header line. */
const PARSER_OPTIONS: Options = {
  bom: true,
  // any mix of line endings, as the files people merge from several programs have
  record_delimiter: ['\r\n', '\n', '\r'],
  // a quote inside an unquoted field is a character (5" door, O"Brien), not an error
  relax_quotes: true,
  relax_column_count: true,
  // blank lines come through as [''] and are skipped below, so every line is counted
  skip_empty_lines: false,
};

/**
 * How much the parser takes at once before the event loop gets a turn: 4 KB is up to some 700
 * rows of three letters, a few milliseconds to parse and check (16 KB pieces held the loop up to
 * 270 ms on a busy 2-core machine); a turn costs microseconds.
 */
const PIECE_BYTES = 4 * 1024;

/** Splits a string into pieces for readCsvRecords, so it is parsed a piece at a time too. */
export function* csvTextChunks(text: string, size = 64 * 1024): Generator<Buffer> {
  for (let start = 0; start < text.length; start += size)
    yield Buffer.from(text.slice(start, start + size), 'utf8');
}

/**
 * The records of a CSV file read from `source` (raw bytes, e.g. a request body), in order, a
 * batch at a time (the records of up to PIECE_BYTES of the file: one await per batch, not per
 * record); blank lines are skipped. Throws CsvReadError when the file cannot be read or goes
 * beyond a limit. Stop iterating to stop reading: the source is let go of where it was (a
 * request body can still be drained and answered).
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits: CsvLimits,
): AsyncGenerator<CsvRecord[]> {
  const input =
    Symbol.asyncIterator in source
      ? source[Symbol.asyncIterator]()
      : (source as Iterable<Uint8Array>)[Symbol.iterator]();
  let bytes = 0;
  const nextChunk = async (): Promise<Uint8Array | null> => {
    const next = await input.next();
    if (next.done) return null;
    bytes += next.value.length;
    if (bytes > limits.maxBytes) throw new CsvReadError({ kind: 'fileTooLarge' });
    return next.value;
  };

  // a record starts on the line after the one the previous record ended on; counted as the
  // parser goes (not as records are taken), so a refusal names the line of the record at fault
  let lastLine = 0;
  const refused = (error: unknown) => refusalOf(error, lastLine + 1);
  let parser: Parser | null = null;
  try {
    // the header line decides the delimiter: gather it first (at most one record's worth)
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let ended = false;
    while (!ended && headBytes <= limits.maxRecordBytes) {
      const chunk = await nextChunk();
      if (chunk === null) ended = true;
      else {
        head.push(chunk);
        headBytes += chunk.length;
        if (holdsFirstLineEnd(Buffer.concat(head))) break;
      }
    }
    const headText = Buffer.concat(head);
    const options: Options<CsvRecord, string[]> = {
      ...PARSER_OPTIONS,
      delimiter: detectDelimiter(headText.toString('utf8')),
      max_record_size: limits.maxRecordBytes,
      on_record: (fields: string[], { lines }): CsvRecord | null => {
        const line = lastLine + 1;
        lastLine = lines;
        return fields.length === 1 && fields[0] === '' ? null : { line, fields };
      },
    };
    const csv = parse(options as unknown as Options);
    parser = csv;
    // csv-parse parses synchronously in write(): its records (or its error) are there at once
    const take = (): CsvRecord[] => {
      if (csv.errored) throw refused(csv.errored);
      if (lastLine > limits.maxLines) throw new CsvReadError({ kind: 'tooManyLines' });
      const records: CsvRecord[] = [];
      for (let record = csv.read() as CsvRecord | null; record; record = csv.read())
        records.push(record);
      return records;
    };
    csv.on('error', () => undefined); // seen through `errored` above
    for (let chunk: Uint8Array | null = headText; chunk; chunk = ended ? null : await nextChunk()) {
      for (let start = 0; start < chunk.length; start += PIECE_BYTES) {
        csv.write(chunk.subarray(start, start + PIECE_BYTES));
        const records = take();
        if (records.length) yield records;
        await setImmediate();
      }
    }
    // the last record (no line break after it) and an unclosed quote come out at the end
    csv.end();
    await finished(csv, { readable: false }).catch(() => undefined);
    const records = take();
    if (records.length) yield records;
  } catch (error) {
    throw refused(error);
  } finally {
    parser?.destroy();
    // lets go of the source: a request body's reader stops listening, so it can be drained
    await input.return?.();
  }
}

function refusalOf(error: unknown, line: number): unknown {
  if (error instanceof CsvReadError) return error;
  if (!(error instanceof CsvError)) return error;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return new CsvReadError({ kind: 'unclosedQuote', line });
  if (error.code === 'CSV_MAX_RECORD_SIZE')
    return new CsvReadError({ kind: 'recordTooLarge', line });
  return new CsvReadError({ kind: 'unreadable', line });
}

// the export's defused formulas (common/csv.ts csvField) start with an apostrophe
const DEFUSED_FORMULA = /^'[=+\-@\t\r]/;

/** Undoes the export's formula guard on import, so an exported file imports as it was. */
export function unguardFormula(value: string): string {
  return DEFUSED_FORMULA.test(value) ? value.slice(1) : value;
}
