/**
 * Intl's formatters, made once per language and options and then reused. Making one costs far
 * more than formatting with it (it loads the language's rules): Home made one per number it
 * showed, 16 ms of a phone's first render, and the lists one per row.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function reused<Format>(
  cache: Map<string, Format>,
  locale: string,
  options: object,
  make: () => Format,
): Format {
  const key = `${locale}\n${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}) {
  return reused(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}) {
  return reused(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** A date (or an ISO date-time) as the interface's language writes it, e.g. "23 November 2026". */
export function formatDate(value: string, locale: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}

/** A count with the language's digit grouping, e.g. "1,234" (in French "1 234"). */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}
