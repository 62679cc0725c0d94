import { UserErrorCode } from './error-codes';
import { isLocale } from './locales';
import { optionalMax } from './sites';
import type { FieldProblem } from './user-errors';
import { isValidEmail, LIMITS, normalizeEmail } from './validation';

/**
 * The billing details form (BillingDetailsInput): where invoices go besides the payment admins,
 * and the purchase order number printed on them. `locale` is the language of the emails to the
 * billing addresses (they belong to no person whose language we know).
 */
export interface BillingDetailsInput {
  billingEmails: readonly string[];
  purchaseOrderNumber?: string | null;
  locale?: string | null;
}

export interface NormalizedBillingDetails {
  billingEmails: string[];
  purchaseOrderNumber: string | null;
  locale: string | null;
}

/**
 * Trimmed and lower-cased addresses, blanks dropped, each address once (compared without case:
 * mail servers treat Accounts@ and accounts@ alike); the purchase order number trimmed.
 */
export function normalizeBillingDetails(input: BillingDetailsInput): NormalizedBillingDetails {
  const billingEmails: string[] = [];
  for (const raw of input.billingEmails) {
    const email = normalizeEmail(raw);
    if (email && !billingEmails.includes(email)) billingEmails.push(email);
  }
  const purchaseOrderNumber = input.purchaseOrderNumber?.trim().replace(/\s+/g, ' ') || null;
  const locale = input.locale?.trim() || null;
  return { billingEmails, purchaseOrderNumber, locale };
}

/**
 * Every problem of (normalized) billing details at once: each address that is not one, at its
 * place in the list (["input", "billingEmails", "2"]); more than LIMITS.billingEmails addresses
 * (LIMIT_REACHED, params.max); a purchase order number past LIMITS.purchaseOrderNumber.
 */
export function validateBillingDetails(input: NormalizedBillingDetails): FieldProblem[] {
  const problems: FieldProblem[] = [];
  input.billingEmails.forEach((email, index) => {
    if (email.length > LIMITS.email || !isValidEmail(email))
      problems.push({
        field: ['input', 'billingEmails', String(index)],
        code: UserErrorCode.INVALID,
      });
  });
  if (input.billingEmails.length > LIMITS.billingEmails)
    problems.push({
      field: ['input', 'billingEmails'],
      code: UserErrorCode.LIMIT_REACHED,
      params: { max: LIMITS.billingEmails },
    });
  optionalMax(
    problems,
    ['input', 'purchaseOrderNumber'],
    input.purchaseOrderNumber,
    LIMITS.purchaseOrderNumber,
  );
  if (input.locale !== null && !isLocale(input.locale))
    problems.push({ field: ['input', 'locale'], code: UserErrorCode.INVALID });
  return problems;
}
