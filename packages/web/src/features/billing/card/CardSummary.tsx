import { useTranslation } from '../../../lib/useTranslation';

export interface CardSummaryData {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

const BRAND_NAMES: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
};

/** The provider's brand code as people know it: "visa" -> "Visa". */
export function brandName(brand: string): string {
  return BRAND_NAMES[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

/** 3 and 2030 -> "03/2030", the way the card itself shows it. */
export function formatExpiry(month: number, year: number): string {
  return `${String(month).padStart(2, '0')}/${year}`;
}

/** "Visa •••• 4242, expires 12/2030"; screen readers hear "Visa ending in 4242". */
export function CardSummary({ card }: { card: CardSummaryData }) {
  const { t } = useTranslation('billing');
  const brand = brandName(card.brand);
  return (
    <span className="card-summary">
      <span aria-hidden="true">
        {brand} •••• {card.last4}
      </span>
      <span className="visually-hidden">
        {t('billing.card.endingIn', { brand, last4: card.last4 })}
      </span>
      {', '}
      {t('billing.card.expires', { expiry: formatExpiry(card.expMonth, card.expYear) })}
    </span>
  );
}
