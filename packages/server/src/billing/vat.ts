import { EU_COUNTRIES } from '@entry/shared';

/**
 * Standard VAT rates in basis points (2500 = 25 %) as of November 2026, by customer country.
 * Countries not listed are outside the scope of VAT for this service (0 %).
 */
export const VAT_RATES_BASIS_POINTS: Readonly<Record<string, number>> = {
  AT: 2000,
  BE: 2100,
  BG: 2000,
  CY: 1900,
  CZ: 2100,
  DE: 1900,
  DK: 2500,
  EE: 2400,
  ES: 2100,
  FI: 2550,
  FR: 2000,
  GR: 2400,
  HR: 2500,
  HU: 2700,
  IE: 2300,
  IT: 2200,
  LT: 2100,
  LU: 1700,
  LV: 2100,
  MT: 1800,
  NL: 2100,
  PL: 2300,
  PT: 2300,
  RO: 2100,
  SE: 2500,
  SI: 2200,
  SK: 2300,
  GB: 2000,
  NO: 2500,
  CH: 810,
  IS: 2400,
};

export interface VatTreatment {
  readonly rateBasisPoints: number;
  /** EU B2B reverse charge: no VAT charged, the customer accounts for it */
  readonly reverseCharge: boolean;
}

/**
 * VAT for a company: reverse charge (0 %) when it holds a valid VAT number in another EU member
 * state than the seller's; otherwise the rate of the company's country.
 */
export function vatTreatment(
  customerCountry: string,
  customerHasValidVatNumber: boolean,
  sellerCountry: string,
): VatTreatment {
  if (
    customerHasValidVatNumber &&
    EU_COUNTRIES.has(customerCountry) &&
    EU_COUNTRIES.has(sellerCountry) &&
    customerCountry !== sellerCountry
  ) {
    return { rateBasisPoints: 0, reverseCharge: true };
  }
  return { rateBasisPoints: VAT_RATES_BASIS_POINTS[customerCountry] ?? 0, reverseCharge: false };
}

/** VAT on a subtotal, rounded half up to the minor unit. */
export function vatAmount(subtotal: number, rateBasisPoints: number): number {
  return Math.floor((2 * subtotal * rateBasisPoints + 10_000) / 20_000);
}
