import { checkVAT, countries } from 'jsvat';

/** Greece writes EL on VAT numbers, not its ISO code GR. */
const VAT_PREFIX: Readonly<Record<string, string>> = { GR: 'EL' };
const FORMAT = /^[A-Z]{2}[0-9A-Z]{2,18}$/;

export interface VatNumberCheck {
  /** upper case, without spaces, dots or dashes */
  readonly normalized: string;
  /** format and check digits verified for the company's country (jsvat) */
  readonly valid: boolean;
}

export function normalizeVatNumber(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * Checks a VAT number for a company's country: the prefix must be that country's, and where
 * jsvat knows the country (every EU state, and a few others) its format and check digits must
 * hold. Returns null when the number is not acceptable at all.
 */
export function checkVatNumber(raw: string, companyCountry: string): VatNumberCheck | null {
  const normalized = normalizeVatNumber(raw);
  const prefix = VAT_PREFIX[companyCountry] ?? companyCountry;
  if (!FORMAT.test(normalized) || !normalized.startsWith(prefix)) return null;
  const result = checkVAT(normalized, countries);
  if (result.isSupportedCountry) return result.isValid ? { normalized, valid: true } : null;
  // A country jsvat cannot verify: keep the number for the invoice, but no reverse charge on it.
  return { normalized, valid: false };
}
