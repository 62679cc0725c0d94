import { detectDelimiter, parseCsv, unguardFormula } from './csv';

const fields = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error('unparsed');
  return result.records.map((record) => [record.line, record.fields]);
};

describe('parseCsv', () => {
  it('should read quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(fields('a,b\r\n"x, y","say ""hi""\nthere"\r\nlast,one')).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'say "hi"\nthere']],
      [4, ['last', 'one']],
    ]);
  });

  it('should drop a byte order mark and skip blank lines', () => {
    expect(fields('\uFEFFa;b\n\n1;2\n')).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
    ]);
  });

  it('should report the line of a quote that is never closed', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({ ok: false, unclosedQuoteLine: 2 });
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
