/**
 * The answers of the CSV routes, newline-delimited JSON (docs/entry-user-import.md):
 * - POST /api/sites/:id/entry-users/import: `{"processed":n,"total":m}` after each batch, then
 *   one `{"done":true,"imported":…,"skipped":[…],…}` line with the outcome;
 * - POST /api/sites/:id/entry-users/import/preview: `{"rows":[…]}` lines with the rows that have
 *   problems, then one `{"done":true,"totalRows":…,…}` line with the counts.
 * Pure functions, so the parsing is tested without a network.
 */

/** A row the import skipped, with its problems (as previewEntryUserImport describes rows). */
export interface ImportedRow {
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  apartment: string | null;
  valid: boolean;
  problems: { field?: string[] | null; code: string; message: string }[];
}

export interface ImportMessage {
  field?: string[] | null;
  code: string;
  message: string;
}

/** What importing a file would do, as the preview route counts it. */
export interface CheckedFile {
  columns: string[];
  totalRows: number;
  validCount: number;
  invalidCount: number;
  /** problems of the file as a whole or of the site: nothing can be imported */
  userErrors: ImportMessage[];
}

export type ImportEvent =
  | { kind: 'progress'; processed: number; total: number }
  | { kind: 'rows'; rows: ImportedRow[] }
  | ({ kind: 'checked' } & CheckedFile)
  | {
      kind: 'done';
      imported: number;
      skipped: ImportedRow[];
      userErrors: ImportMessage[];
      /** set when the server failed: nothing was imported */
      error: ImportMessage | null;
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line of the stream as an event; null for a blank or unknown line (ignored). */
export function parseImportLine(line: string): ImportEvent | null {
  const text = line.trim();
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`The import answered a line that is not JSON: ${text.slice(0, 200)}`);
  }
  if (!isRecord(value)) return null;
  const messages = (key: string) =>
    Array.isArray(value[key]) ? (value[key] as ImportMessage[]) : [];
  if (value['done'] === true && typeof value['totalRows'] === 'number') {
    const count = (key: string) => (typeof value[key] === 'number' ? value[key] : 0);
    return {
      kind: 'checked',
      columns: Array.isArray(value['columns']) ? (value['columns'] as string[]) : [],
      totalRows: value['totalRows'],
      validCount: count('validCount'),
      invalidCount: count('invalidCount'),
      userErrors: messages('userErrors'),
    };
  }
  if (value['done'] === true) {
    return {
      kind: 'done',
      imported: typeof value['imported'] === 'number' ? value['imported'] : 0,
      skipped: Array.isArray(value['skipped']) ? (value['skipped'] as ImportedRow[]) : [],
      userErrors: messages('userErrors'),
      error: isRecord(value['error']) ? (value['error'] as unknown as ImportMessage) : null,
    };
  }
  if (Array.isArray(value['rows'])) return { kind: 'rows', rows: value['rows'] as ImportedRow[] };
  if (typeof value['processed'] === 'number' && typeof value['total'] === 'number') {
    return { kind: 'progress', processed: value['processed'], total: value['total'] };
  }
  return null;
}

/**
 * Splits text arriving in chunks into whole lines: a chunk may end in the middle of a line (or of
 * a multi-byte character: decode with TextDecoder's `stream: true` before pushing).
 */
export class NdjsonSplitter {
  private rest = '';

  /** The events of the lines this chunk completes. */
  push(chunk: string): ImportEvent[] {
    const text = this.rest + chunk;
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    return lines.map(parseImportLine).filter((event): event is ImportEvent => event !== null);
  }

  /** The last line, when the stream ends without a newline after it. */
  end(): ImportEvent[] {
    const last = this.rest;
    this.rest = '';
    const event = parseImportLine(last);
    return event ? [event] : [];
  }
}

/** Share of the rows processed, 0 to 1 (an empty file counts as done). */
export function progressRatio(processed: number, total: number): number {
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, processed / total));
}

/** Reads the whole stream, calling `onEvent` for each event as it arrives. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ImportEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = new NdjsonSplitter();
  const handle = (events: ImportEvent[]) => events.forEach(onEvent);
  for (;;) {
    const { value, done: finished } = await reader.read();
    if (finished) break;
    handle(splitter.push(decoder.decode(value, { stream: true })));
  }
  handle(splitter.push(decoder.decode()));
  handle(splitter.end());
}

/**
 * Reads the import's whole stream, calling `onEvent` for each event as it arrives, and resolves
 * to the final outcome. A stream that ends without its `done` line is an error (the connection
 * dropped).
 */
export async function readImportStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ImportEvent) => void,
): Promise<Extract<ImportEvent, { kind: 'done' }>> {
  const outcome: { done: Extract<ImportEvent, { kind: 'done' }> | null } = { done: null };
  await readEvents(body, (event) => {
    if (event.kind === 'done') outcome.done = event;
    onEvent(event);
  });
  if (!outcome.done) throw new Error('The import stream ended without its outcome');
  return outcome.done;
}

/** What importing a file would do, as the preview step shows it. */
export interface ImportPreviewResult {
  totalRows: number;
  validCount: number;
  invalidCount: number;
  userErrors: { message: string }[];
  rows: ImportedRow[];
}

/** The preview's whole stream: the counts, and the rows with problems in the file's order. */
export async function readPreviewStream(
  body: ReadableStream<Uint8Array>,
): Promise<CheckedFile & { rows: ImportedRow[] }> {
  const rows: ImportedRow[] = [];
  let checked: CheckedFile | null = null;
  await readEvents(body, (event) => {
    if (event.kind === 'rows') rows.push(...event.rows);
    if (event.kind === 'checked') checked = event;
  });
  if (!checked) throw new Error('The preview stream ended without its counts');
  return { ...(checked as CheckedFile), rows };
}

/** Why the import endpoint refused the file before importing anything. */
export interface ImportRefusal {
  /** 401: the session has ended */
  signedOut: boolean;
  /** the server's words (in the person's language); empty when it sent none */
  messages: string[];
}

/**
 * The JSON error of a refused import: 422 `{userErrors:[…]}` (the file or the site), 401, 404,
 * 413 and 415 `{error:{code,message}}`.
 */
export function importRefusalOf(status: number, body: unknown): ImportRefusal {
  const messages: string[] = [];
  if (isRecord(body)) {
    const userErrors = body['userErrors'];
    if (Array.isArray(userErrors)) {
      for (const problem of userErrors) {
        if (isRecord(problem) && typeof problem['message'] === 'string')
          messages.push(problem['message']);
      }
    }
    const error = body['error'];
    if (isRecord(error) && typeof error['message'] === 'string') messages.push(error['message']);
  }
  return { signedOut: status === 401, messages };
}
