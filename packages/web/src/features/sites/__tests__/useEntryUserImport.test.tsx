import { ENTRY_USER_IMPORT_MAX_BYTES } from '@entry/shared';
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPartHook } from '../../../test/renderPart';
import { useEntryUserImport } from '../useEntryUserImport';

const ndjson = (...lines: object[]) =>
  new Response(lines.map((line) => JSON.stringify(line)).join('\n'), {
    headers: { 'content-type': 'application/x-ndjson' },
  });

const badRow = {
  line: 3,
  firstName: 'Olle',
  lastName: 'Ek',
  email: 'nope',
  apartment: null,
  valid: false,
  problems: [{ field: ['email'], code: 'INVALID', message: 'Not an email address.' }],
};

const preview = () =>
  ndjson(
    { rows: [badRow] },
    { done: true, totalRows: 3, validCount: 2, invalidCount: 1, columns: [], userErrors: [] },
  );

function csv(name = 'users.csv') {
  return new File(['firstName,lastName,email\n'], name, { type: 'text/csv' });
}

/** The import hook for site s/1, with fetch answering these responses in turn. */
function setUp(...responses: Response[]) {
  const fetch = vi.fn(async () => {
    const next = responses.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next;
  });
  vi.stubGlobal('fetch', fetch);
  const hook = renderPartHook(() =>
    useEntryUserImport('s/1', {
      errorRef: { current: null },
      previewHeadingRef: { current: null },
      resultRef: { current: null },
    }),
  );
  return { ...hook, fetch };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useEntryUserImport', () => {
  it('should refuse a file over the size limit without sending it', async () => {
    const { result, fetch } = setUp();
    const big = csv();
    Object.defineProperty(big, 'size', { value: ENTRY_USER_IMPORT_MAX_BYTES + 1 });
    await act(() => result.current.choose(big));
    expect(result.current.errors).toEqual([
      'The file is larger than 10 MB. Split it into smaller files.',
    ]);
    expect(result.current.stage.step).toBe('choose');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should stream the chosen file to the preview route and show what importing it would do', async () => {
    const { result, fetch } = setUp(preview());
    const file = csv();
    await act(() => result.current.choose(file));
    expect(fetch).toHaveBeenCalledWith(
      '/api/sites/s%2F1/entry-users/import/preview',
      expect.objectContaining({
        method: 'POST',
        body: file,
        headers: expect.objectContaining({ 'accept-language': 'en' }),
      }),
    );
    const stage = result.current.stage;
    expect(stage.step).toBe('preview');
    if (stage.step !== 'preview') return;
    expect(stage.fileName).toBe('users.csv');
    expect(stage.preview).toMatchObject({ totalRows: 3, validCount: 2, invalidCount: 1 });
    expect(stage.preview.rows).toEqual([badRow]);
  });

  it("should go back to choosing with the server's words when it refuses the file", async () => {
    const { result } = setUp(
      new Response(JSON.stringify({ userErrors: [{ message: 'The site is deactivated.' }] }), {
        status: 422,
      }),
    );
    await act(() => result.current.choose(csv()));
    expect(result.current.stage.step).toBe('choose');
    expect(result.current.errors).toEqual(['The site is deactivated.']);
  });

  it('should tell a person whose session ended to sign in again', async () => {
    const { result } = setUp(new Response('{}', { status: 401 }));
    await act(() => result.current.choose(csv()));
    expect(result.current.errors).toEqual([
      'Your session has ended. Sign in again, then import the file once more.',
    ]);
  });

  it('should import the valid rows with progress and end with the outcome', async () => {
    const { result, fetch } = setUp(
      preview(),
      ndjson(
        { processed: 2, total: 3 },
        { done: true, imported: 2, skipped: [badRow], userErrors: [], error: null },
      ),
    );
    await act(() => result.current.choose(csv()));
    await act(() => result.current.runImport());
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/sites/s%2F1/entry-users/import',
      expect.objectContaining({ method: 'POST' }),
    );
    expect(result.current.stage).toEqual({
      step: 'done',
      fileName: 'users.csv',
      imported: 2,
      skipped: [badRow],
      total: 3,
    });
    expect(result.current.errors).toEqual([]);
  });

  it('should go back to the preview, with why, when the import fails on the server', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { result } = setUp(
      preview(),
      ndjson({
        done: true,
        imported: 0,
        skipped: [],
        userErrors: [],
        error: { code: 'INTERNAL', message: 'boom' },
      }),
    );
    await act(() => result.current.choose(csv()));
    await act(() => result.current.runImport());
    expect(result.current.stage.step).toBe('preview');
    expect(result.current.errors).toEqual([
      'The import failed and nothing was imported. Please try again.',
    ]);
  });

  it('should start again with a new file input after "Choose another file"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { result } = setUp();
    await act(() => result.current.choose(csv()));
    expect(result.current.errors).toHaveLength(1);
    const key = result.current.inputKey;
    act(() => result.current.reset());
    await waitFor(() => expect(result.current.inputKey).toBe(key + 1));
    expect(result.current.errors).toEqual([]);
    expect(result.current.stage).toEqual({ step: 'choose' });
  });
});
