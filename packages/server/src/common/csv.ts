/** One CSV field, quoted when it has to be (RFC 4180), and defused against spreadsheet formulas. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  let text = value;
  // A cell starting with = + - @ runs as a formula in Excel: prefix a quote (OWASP CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(
  values: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
