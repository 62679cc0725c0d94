import type { Localized } from './locales';

/**
 * How a company sees a change the vendor's staff made in its account: who did it is the vendor,
 * never a named operator with their email and IP address (those stay with the operators).
 */
export const VENDOR_STAFF: Localized = {
  en: 'Vendor staff',
  nl: 'Medewerker van de leverancier',
  sv: 'Leverantörens personal',
  fr: 'Équipe du fournisseur',
};
