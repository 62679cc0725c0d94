/**
 * A small RFC 4180 reader (the writer is common/csv.ts): enough for the Entry app user files people keep in Excel,
 * Numbers or LibreOffice. Fields may be quoted ("" inside quotes is a quote, and quotes may hold
 * delimiters and line breaks); lines end in CRLF, LF or CR; a UTF-8 byte order mark is dropped.
 * The delimiter is a comma, or a semicolon (Excel in Dutch, Swedish and French saves those) or a
 * tab, chosen from the header line.
 */

export interface CsvRecord {
  /** line of the file the record starts on, 1-based */
  readonly line: number;
  readonly fields: string[];
}

export type CsvParseResult =
  | { readonly ok: true; readonly delimiter: string; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly unclosedQuoteLine: number };

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

/** Records of the text; blank lines are skipped. */
export function parseCsv(input: string, delimiter?: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  // whether the current record has any content yet (blank lines are not records)
  let started = false;

  const endRecord = () => {
    fields.push(field);
    if (started) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    started = false;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      quoted = true;
      quoteLine = line;
      if (!started) recordLine = line;
      started = true;
    } else if (char === sep) {
      if (!started) recordLine = line;
      started = true;
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else {
      if (!started) recordLine = line;
      started = true;
      field += char;
    }
  }
  if (quoted) return { ok: false, unclosedQuoteLine: quoteLine };
  endRecord();
  return { ok: true, delimiter: sep, records };
}

// the export's defused formulas (common/csv.ts csvField) start with an apostrophe
const DEFUSED_FORMULA = /^'[=+\-@\t\r]/;

/** Undoes the export's formula guard on import, so an exported file imports as it was. */
export function unguardFormula(value: string): string {
  return DEFUSED_FORMULA.test(value) ? value.slice(1) : value;
}
