/** The languages the portal speaks. The notes come in Dutch, Swedish and French; English is ours. */
export const SUPPORTED_LOCALES = ['en', 'nl', 'sv', 'fr'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the supported locale for a requested tag ("sv-SE" -> "sv"), falling back to English,
 * so callers never have to handle an unknown language.
 */
export function resolveLocale(requested: string | null | undefined): Locale {
  if (!requested) return DEFAULT_LOCALE;
  const primary = requested.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

/** A text in every supported language: the compiler refuses a translation table with a gap. */
export type Localized = Readonly<Record<Locale, string>>;
