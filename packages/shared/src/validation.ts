/**
 * Limits every form and the API apply alike. Column sizes in the server's entities come from
 * here too, so a value the form accepts always fits the database.
 */
export const LIMITS = {
  /** a webhook endpoint's URL: what every browser, proxy and log line keeps whole */
  webhookUrl: 2000,
  personName: 100,
  companyName: 200,
  address: 300,
  phone: 32,
  email: 254,
  vatNumber: 20,
  siteName: 200,
  apartment: 50,
  passwordMin: 12,
  /** long passphrases must work; the cap only stops hashing abuse */
  passwordMax: 256,
  rejectionReason: 1000,
  pageSizeMax: 100,
  pageSizeDefault: 20,
  apiKeyName: 100,
  /** the longest overlap of a rotated API key's old and new secrets */
  apiKeyOverlapHoursMax: 168,
  /** live (not revoked) API keys a company may hold: enough for every app, not for a leak farm */
  apiKeysPerCompany: 50,
  webhookDescription: 500,
  /** each endpoint is polled by the delivery worker's fan-out on every event of its company */
  webhookEndpointsPerCompany: 20,
  /** the purchase order number an accounts-payable team books invoices against */
  purchaseOrderNumber: 64,
  /** a site's cost centre, printed on its invoice line */
  costCenter: 64,
  /** addresses that receive the billing emails besides the payment admins */
  billingEmails: 5,
} as const;

/** ISO 4217 minor units: money is always an integer count of cents/öre. */
export type MinorUnits = number;

/**
 * Emails are compared case-insensitively everywhere (the notes' people sign in with whatever case
 * they type); the canonical form is trimmed and lower-cased.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately permissive (RFC 5322 in full is neither needed nor wanted): one @, a dot in the
// domain, no spaces. Deliverability is proven by the email the person receives.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(email: string): boolean {
  const normalized = normalizeEmail(email);
  return normalized.length <= LIMITS.email && EMAIL_PATTERN.test(normalized);
}
