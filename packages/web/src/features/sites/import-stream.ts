/**
 * The import endpoint's answer (POST /api/sites/:id/entry-users/import): newline-delimited JSON,
 * `{"processed":n,"total":m}` after each batch, then one `{"done":true,…}` line with the outcome.
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

export type ImportEvent =
  | { kind: 'progress'; processed: number; total: number }
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
  if (value['done'] === true) {
    return {
      kind: 'done',
      imported: typeof value['imported'] === 'number' ? value['imported'] : 0,
      skipped: Array.isArray(value['skipped']) ? (value['skipped'] as ImportedRow[]) : [],
      userErrors: Array.isArray(value['userErrors'])
        ? (value['userErrors'] as ImportMessage[])
        : [],
      error: isRecord(value['error']) ? (value['error'] as unknown as ImportMessage) : null,
    };
  }
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

/**
 * Reads the whole stream, calling `onEvent` for each event as it arrives, and resolves to the
 * final outcome. A stream that ends without its `done` line is an error (the connection dropped).
 */
export async function readImportStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ImportEvent) => void,
): Promise<Extract<ImportEvent, { kind: 'done' }>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = new NdjsonSplitter();
  const outcome: { done: Extract<ImportEvent, { kind: 'done' }> | null } = { done: null };
  const handle = (events: ImportEvent[]) => {
    for (const event of events) {
      if (event.kind === 'done') outcome.done = event;
      onEvent(event);
    }
  };
  for (;;) {
    const { value, done: finished } = await reader.read();
    if (finished) break;
    handle(splitter.push(decoder.decode(value, { stream: true })));
  }
  handle(splitter.push(decoder.decode()));
  handle(splitter.end());
  if (!outcome.done) throw new Error('The import stream ended without its outcome');
  return outcome.done;
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
