import { describe, expect, it } from 'vitest';
import {
  importRefusalOf,
  NdjsonSplitter,
  parseImportLine,
  progressRatio,
  readImportStream,
  readPreviewStream,
  type ImportEvent,
} from '../import-stream';

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

const DONE = {
  done: true,
  imported: 2,
  skipped: [
    {
      line: 3,
      firstName: 'Bo',
      lastName: 'Ek',
      email: 'bo@',
      apartment: null,
      valid: false,
      problems: [{ field: ['rows', '3', 'email'], code: 'INVALID', message: 'Bad email.' }],
    },
  ],
  userErrors: [],
};

describe('parseImportLine', () => {
  it('should read progress when a line has processed and total', () => {
    expect(parseImportLine('{"processed":500,"total":1200}')).toEqual({
      kind: 'progress',
      processed: 500,
      total: 1200,
    });
  });

  it('should read the outcome when a line says done', () => {
    const event = parseImportLine(JSON.stringify(DONE));
    expect(event).toMatchObject({ kind: 'done', imported: 2, error: null, userErrors: [] });
    expect(event?.kind === 'done' && event.skipped[0]?.line).toBe(3);
  });

  it('should carry the server error when the import failed', () => {
    const line =
      '{"done":true,"imported":0,"skipped":[],"error":{"code":"INTERNAL_SERVER_ERROR","message":"Oops"}}';
    expect(parseImportLine(line)).toMatchObject({
      kind: 'done',
      imported: 0,
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'Oops' },
    });
  });

  it('should ignore blank and unknown lines when they come', () => {
    expect(parseImportLine('   ')).toBeNull();
    expect(parseImportLine('{"hello":1}')).toBeNull();
    expect(parseImportLine('[1,2]')).toBeNull();
  });

  it('should throw when a line is not JSON', () => {
    expect(() => parseImportLine('<html>')).toThrow(/not JSON/);
  });
});

describe('NdjsonSplitter', () => {
  it('should wait for the rest of a line when a chunk ends in the middle of it', () => {
    const splitter = new NdjsonSplitter();
    expect(splitter.push('{"processed":1,')).toEqual([]);
    expect(splitter.push('"total":3}\n{"processed":2,"total":3}\n{"proc')).toEqual([
      { kind: 'progress', processed: 1, total: 3 },
      { kind: 'progress', processed: 2, total: 3 },
    ]);
    expect(splitter.push('essed":3,"total":3}')).toEqual([]);
    expect(splitter.end()).toEqual([{ kind: 'progress', processed: 3, total: 3 }]);
    expect(splitter.end()).toEqual([]);
  });
});

describe('readImportStream', () => {
  it('should report each progress line and resolve to the outcome when the stream ends', async () => {
    const events: ImportEvent[] = [];
    const outcome = await readImportStream(
      streamOf([
        '{"processed":0,"total":1000}\n{"processed":500,',
        '"total":1000}\n{"processed":1000,"total":1000}\n',
        `${JSON.stringify(DONE)}\n`,
      ]),
      (event) => events.push(event),
    );
    expect(events.filter((event) => event.kind === 'progress')).toEqual([
      { kind: 'progress', processed: 0, total: 1000 },
      { kind: 'progress', processed: 500, total: 1000 },
      { kind: 'progress', processed: 1000, total: 1000 },
    ]);
    expect(outcome.imported).toBe(2);
    expect(outcome.skipped).toHaveLength(1);
  });

  it('should decode a character split across two chunks when names have accents', async () => {
    const bytes = new TextEncoder().encode(
      `${JSON.stringify({ ...DONE, skipped: [{ ...DONE.skipped[0], firstName: 'Åsa' }] })}\n`,
    );
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "Å"
    const outcome = await readImportStream(
      streamOf([bytes.slice(0, cut), bytes.slice(cut)]),
      () => {},
    );
    expect(outcome.skipped[0]?.firstName).toBe('Åsa');
  });

  it('should fail when the stream ends without its outcome', async () => {
    await expect(
      readImportStream(streamOf(['{"processed":1,"total":2}\n']), () => {}),
    ).rejects.toThrow(/without its outcome/);
  });
});

describe('readPreviewStream', () => {
  const COUNTS = {
    done: true,
    columns: ['first_name', 'last_name', 'email'],
    totalRows: 1200,
    validCount: 1198,
    invalidCount: 2,
    userErrors: [],
  };

  it('should gather the rows of every rows line and the counts when the preview streams them', async () => {
    const [bad] = DONE.skipped;
    const preview = await readPreviewStream(
      streamOf([
        `${JSON.stringify({ rows: [bad] })}\n`,
        `${JSON.stringify({ rows: [{ ...bad, line: 900 }] })}\n${JSON.stringify(COUNTS)}`,
      ]),
    );
    expect(preview).toMatchObject({ totalRows: 1200, validCount: 1198, invalidCount: 2 });
    expect(preview.rows.map((row) => row.line)).toEqual([3, 900]);
  });

  it('should fail when the stream ends without its counts', async () => {
    await expect(readPreviewStream(streamOf([`{"rows":[]}\n`]))).rejects.toThrow(
      /without its counts/,
    );
  });
});

describe('progressRatio', () => {
  it('should be the share processed, within 0 and 1', () => {
    expect(progressRatio(250, 1000)).toBe(0.25);
    expect(progressRatio(1200, 1000)).toBe(1);
    expect(progressRatio(-1, 10)).toBe(0);
    expect(progressRatio(0, 0)).toBe(1);
  });
});

describe('importRefusalOf', () => {
  it('should list the userErrors when the file is refused (422)', () => {
    expect(
      importRefusalOf(422, {
        userErrors: [{ field: ['csv', 'email'], code: 'REQUIRED', message: 'No “email” column.' }],
      }),
    ).toEqual({ signedOut: false, messages: ['No “email” column.'] });
  });

  it('should say signed out when the session has ended (401)', () => {
    expect(
      importRefusalOf(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in.' } }),
    ).toEqual({ signedOut: true, messages: ['Sign in.'] });
  });

  it('should have no messages when the body is not JSON', () => {
    expect(importRefusalOf(502, null)).toEqual({ signedOut: false, messages: [] });
  });
});
