/**
 * Default price of one Entry app user for a whole month, in minor units of each currency a
 * company can be invoiced in (see currencyForCountry in packages/shared). PRICE_PER_USER_MONTH
 * overrides them (config.ts). Proration by active days happens on top of this.
 */
export const DEFAULT_PRICE_PER_USER_MONTH: Readonly<Record<string, number>> = {
  EUR: 150,
  SEK: 1700,
  NOK: 1750,
  DKK: 1100,
  GBP: 130,
  CHF: 145,
  PLN: 650,
  CZK: 3800,
  HUF: 60000,
  RON: 750,
  ISK: 22500,
  USD: 165,
  CAD: 225,
  AUD: 250,
  NZD: 275,
};

export function pricePerUserMonth(
  currency: string,
  prices: Readonly<Record<string, number>>,
): number {
  const price = prices[currency];
  if (price === undefined) throw new Error(`no Entry app user price for currency ${currency}`);
  return price;
}
