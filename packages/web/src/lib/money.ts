import { numberFormat } from './intl-formats';

/**
 * Money as the API sends it: an integer count of the currency's minor units (cents, öre) beside
 * an ISO 4217 code. Formatted in the interface's language, e.g. 123456 EUR is "€1,234.56" in
 * English, "€ 1.234,56" in Dutch and "1 234,56 €" in French; 99900 SEK is "999,00 kr" in Swedish.
 */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const format = numberFormat(locale, { style: 'currency', currency });
  // The currency's own number of decimals (2 for EUR and SEK, 0 for JPY, 3 for KWD), which is
  // what its minor unit is.
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
