import { isCountryCode } from './countries';
import { UserErrorCode } from './error-codes';
import { isLocale } from './locales';
import type { FieldProblem } from './user-errors';
import { isValidEmail, LIMITS } from './validation';

export const CompanyTypeCode = {
  INSTALLER: 'INSTALLER',
  SYSTEM_MANAGER: 'SYSTEM_MANAGER',
} as const;
export type CompanyTypeCode = (typeof CompanyTypeCode)[keyof typeof CompanyTypeCode];

/** The registration form, field by field, as the contract's RegisterInput names them. */
export interface RegistrationInput {
  type: string;
  country: string;
  companyName: string;
  companyAddress: string;
  companyPhone?: string | null;
  vatNumber?: string | null;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
  locale?: string | null;
}

const PHONE = /^\+?[0-9 ()./-]{6,32}$/;
// Country prefix then 2-18 letters/digits; the check digits per country come with the billing wizard.
const VAT_NUMBER = /^[A-Z]{2}[0-9A-Z]{2,18}$/;

/** Trims every text, upper-cases codes, drops empty optional values: what gets validated and stored. */
export function normalizeRegistration(input: RegistrationInput): RegistrationInput {
  const optional = (value: string | null | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : null;
  };
  return {
    type: input.type.trim(),
    country: input.country.trim().toUpperCase(),
    companyName: input.companyName.trim(),
    companyAddress: input.companyAddress.trim(),
    companyPhone: optional(input.companyPhone),
    vatNumber:
      optional(input.vatNumber)
        ?.replace(/[\s.-]/g, '')
        .toUpperCase() ?? null,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    email: input.email.trim(),
    phone: optional(input.phone),
    locale: optional(input.locale)?.toLowerCase() ?? null,
  };
}

function requiredText(problems: FieldProblem[], field: string, value: string, max: number): void {
  if (!value) problems.push({ field: ['input', field], code: UserErrorCode.REQUIRED });
  else if (value.length > max)
    problems.push({ field: ['input', field], code: UserErrorCode.TOO_LONG, params: { max } });
}

function optionalPattern(
  problems: FieldProblem[],
  field: string,
  value: string | null | undefined,
  pattern: RegExp,
  max: number,
): void {
  if (!value) return;
  if (value.length > max)
    problems.push({ field: ['input', field], code: UserErrorCode.TOO_LONG, params: { max } });
  else if (!pattern.test(value))
    problems.push({ field: ['input', field], code: UserErrorCode.INVALID });
}

/** Every problem of a (normalized) registration at once, so the form can mark all fields. */
export function validateRegistration(input: RegistrationInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.type) problems.push({ field: ['input', 'type'], code: UserErrorCode.REQUIRED });
  else if (!(input.type in CompanyTypeCode))
    problems.push({ field: ['input', 'type'], code: UserErrorCode.INVALID });
  if (!input.country) problems.push({ field: ['input', 'country'], code: UserErrorCode.REQUIRED });
  else if (!isCountryCode(input.country))
    problems.push({ field: ['input', 'country'], code: UserErrorCode.INVALID });
  requiredText(problems, 'companyName', input.companyName, LIMITS.companyName);
  requiredText(problems, 'companyAddress', input.companyAddress, LIMITS.address);
  optionalPattern(problems, 'companyPhone', input.companyPhone, PHONE, LIMITS.phone);
  optionalPattern(problems, 'vatNumber', input.vatNumber, VAT_NUMBER, LIMITS.vatNumber);
  requiredText(problems, 'firstName', input.firstName, LIMITS.personName);
  requiredText(problems, 'lastName', input.lastName, LIMITS.personName);
  if (!input.email) problems.push({ field: ['input', 'email'], code: UserErrorCode.REQUIRED });
  else if (!isValidEmail(input.email))
    problems.push({ field: ['input', 'email'], code: UserErrorCode.INVALID });
  optionalPattern(problems, 'phone', input.phone, PHONE, LIMITS.phone);
  if (input.locale && !isLocale(input.locale))
    problems.push({ field: ['input', 'locale'], code: UserErrorCode.INVALID });
  return problems;
}
