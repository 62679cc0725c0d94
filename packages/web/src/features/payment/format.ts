import { dateTimeFormat, numberFormat } from '../../lib/intl-formats';

/** A billing month as the interface's language names it: "November 2026", "novembre 2026". */
export function formatMonth(periodStart: string, locale: string): string {
  const date = new Date(`${periodStart}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return periodStart;
  return dateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** "Nov 2026", for the chart's axis where a whole month name does not fit. */
export function formatShortMonth(periodStart: string, locale: string): string {
  const date = new Date(`${periodStart}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return periodStart;
  return dateTimeFormat(locale, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(date);
}

/** 2100 basis points -> "21 %" (in French "21 %", with the language's own spacing). */
export function formatRate(basisPoints: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}

/** The PDF in the interface's language: the server reads ?lang=. */
export function pdfLink(pdfUrl: string, locale: string): string {
  try {
    const url = new URL(pdfUrl, window.location.origin);
    url.searchParams.set('lang', locale);
    return url.toString();
  } catch {
    return pdfUrl;
  }
}
