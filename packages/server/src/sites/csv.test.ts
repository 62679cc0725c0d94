import {
  CsvReadError,
  csvTextChunks,
  detectDelimiter,
  readCsvRecords,
  unguardFormula,
  type CsvLimits,
  type CsvRefusal,
} from './csv';

const LIMITS: CsvLimits = { maxBytes: 1024 * 1024, maxRecordBytes: 1024, maxLines: 1000 };

async function records(
  source: string | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  limits = LIMITS,
) {
  const read: Array<[number, string[]]> = [];
  const input = typeof source === 'string' ? csvTextChunks(source) : source;
  for await (const batch of readCsvRecords(input, limits))
    for (const record of batch) read.push([record.line, record.fields]);
  return read;
}

async function refusal(source: string | Iterable<Uint8Array>, limits = LIMITS) {
  try {
    await records(source, limits);
  } catch (error) {
    if (error instanceof CsvReadError) return error.refusal;
    throw error;
  }
  throw new Error('read without a refusal');
}

/** The text as single bytes, the most a file can be split: nothing may depend on chunk edges. */
const byteByByte = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => Buffer.from([b]));

/** The same chunk for ever, counting how many were taken. */
function endless(text: string): Iterable<Uint8Array> & { pulled: number } {
  const source = {
    pulled: 0,
    *[Symbol.iterator]() {
      for (;;) {
        source.pulled += 1;
        yield Buffer.from(text);
      }
    },
  };
  return source;
}

describe('readCsvRecords', () => {
  it('should read quoted fields with delimiters, doubled quotes and line breaks', async () => {
    expect(await records('a,b\r\n"x, y","say ""hi""\nthere"\r\nlast,one')).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'say "hi"\nthere']],
      [4, ['last', 'one']],
    ]);
  });

  it('should drop a byte order mark and skip blank lines', async () => {
    expect(await records('\uFEFFa;b\n\n1;2\n')).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
    ]);
  });

  it('should read CRLF, LF and CR line ends mixed in one file', async () => {
    expect(await records('a,b\n1,2\r\n3,4\r5,6')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '6']],
    ]);
  });

  it('should read the same records when the file arrives a byte at a time', async () => {
    const text = '\uFEFFnamn;e-post\r\n"Åsa; ""Ek""";åsa@example.com\r\n\r\nÖrjan;o@example.com';
    expect(await records(byteByByte(text))).toEqual(await records(text));
    expect(await records(byteByByte(text))).toEqual([
      [1, ['namn', 'e-post']],
      [2, ['Åsa; "Ek"', 'åsa@example.com']],
      [4, ['Örjan', 'o@example.com']],
    ]);
  });

  it('should keep a quote inside an unquoted field as a character', async () => {
    expect(await records('a,b\nO"Brien,5" door')).toEqual([
      [1, ['a', 'b']],
      [2, ['O"Brien', '5" door']],
    ]);
  });

  it('should report the line of a quote that is never closed', async () => {
    expect(await refusal('a,b\n1,"open\n2,3\n')).toEqual<CsvRefusal>({
      kind: 'unclosedQuote',
      line: 2,
    });
  });

  it('should stop at a record larger than the limit, naming the line it starts on', async () => {
    const text = `a,b\n1,2\n"${'x'.repeat(5000)}`;
    expect(await refusal(text)).toEqual<CsvRefusal>({ kind: 'recordTooLarge', line: 3 });
  });

  it('should stop reading at the first byte past the size limit', async () => {
    const source = endless('a,b\n'.repeat(256));
    const limits = { maxBytes: 64 * 1024, maxRecordBytes: 1024, maxLines: Infinity };
    expect(await refusal(source, limits)).toEqual<CsvRefusal>({ kind: 'fileTooLarge' });
    expect(source.pulled).toBeLessThanOrEqual(65);
  });

  it('should stop pulling from the source when the reader stops asking', async () => {
    const source = endless('a,b\n'.repeat(16 * 1024));
    const reader = readCsvRecords(source, {
      maxBytes: Infinity,
      maxRecordBytes: 1024,
      maxLines: Infinity,
    });
    for await (const batch of reader) if (batch.some((record) => record.line === 10)) break;
    const after = source.pulled;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.pulled).toBe(after);
    // the chunk in hand and one ahead, as a request body's 64 KB chunks would be
    expect(source.pulled).toBeLessThanOrEqual(3);
  });

  it('should stop at the first line past the limit, blank lines included', async () => {
    expect(await refusal(`a,b\n${'\n'.repeat(5000)}1,2\n`)).toEqual<CsvRefusal>({
      kind: 'tooManyLines',
    });
    expect(await records(`a,b\n${'\n'.repeat(990)}1,2\n`)).toEqual([
      [1, ['a', 'b']],
      [992, ['1', '2']],
    ]);
  });

  it.each([
    ['first_name,last_name,email', ','],
    ['first_name;last_name;email', ';'],
    ['first_name\tlast_name\temail', '\t'],
    ['"a;b",c,d', ','],
    ['email', ','],
  ])('should choose the delimiter of %p', (header, delimiter) => {
    expect(detectDelimiter(`${header}\nx`)).toBe(delimiter);
  });
});

describe('unguardFormula', () => {
  it.each([
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'-5", '-5'],
    ["'plain", "'plain"],
    ['=raw', '=raw'],
  ])('should turn %p into %p', (value, expected) => {
    expect(unguardFormula(value)).toBe(expected);
  });
});
