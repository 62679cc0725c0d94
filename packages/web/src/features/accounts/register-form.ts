import {
  COUNTRY_CODES,
  countryName,
  isCountryCode,
  normalizeRegistration,
  validateRegistration,
  type CountryCode,
  type Locale,
  type RegistrationInput,
} from '@entry/shared';
import { problemsToFieldErrors, type FieldErrors } from '../../components/form/form-errors';

/** The form's fields in the order they are shown: errors are focused in this order. */
export const REGISTER_FIELDS = [
  'type',
  'country',
  'companyName',
  'companyAddress',
  'companyPhone',
  'vatNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];
export type RegisterValues = Record<RegisterField, string>;

export function emptyRegistration(country: string): RegisterValues {
  return {
    type: '',
    country,
    companyName: '',
    companyAddress: '',
    companyPhone: '',
    vatNumber: '',
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
  };
}

/** What is sent and checked: trimmed, codes upper-cased, empty optional values dropped. */
export function toRegistrationInput(values: RegisterValues, locale: Locale): RegistrationInput {
  return normalizeRegistration({ ...values, locale });
}

/** Every problem the server would report, by the shared rules, in the server's words. */
export function validateRegisterValues(
  values: RegisterValues,
  locale: Locale,
): FieldErrors<RegisterField> {
  const problems = validateRegistration(toRegistrationInput(values, locale));
  return problemsToFieldErrors(problems, REGISTER_FIELDS, locale);
}

function regionOf(tag: string, maximize: boolean): string | undefined {
  try {
    const parsed = new Intl.Locale(tag);
    return parsed.region ?? (maximize ? parsed.maximize().region : undefined);
  } catch {
    return undefined;
  }
}

/**
 * The country the browser's languages point at, when they name one ("sv-SE", "fr-BE"); failing
 * that, the usual country of the first language ("sv" -> SE), except English, which is spoken
 * in too many to guess. Empty when nothing fits: the person picks.
 */
export function browserCountry(languages: readonly string[]): CountryCode | '' {
  for (const tag of languages) {
    const region = regionOf(tag, false);
    if (region && isCountryCode(region)) return region;
  }
  const first = languages[0];
  if (first && !/^en\b/i.test(first)) {
    const region = regionOf(first, true);
    if (region && isCountryCode(region)) return region;
  }
  return '';
}

/** Every country, by its name in the interface's language, sorted as that language sorts. */
export function sortedCountries(locale: Locale): { code: CountryCode; name: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
