import { UserErrorCode, type Locale } from '@entry/shared';
import { userErrorMessage } from '../../components/form/user-error-message';
import { fieldNameOf, userErrorText, type UserErrorLike } from '../../components/form/form-errors';
import type {
  BillingSetupQuery as BillingSetupData,
  CompanyType,
  CompleteBillingSetupMutation as CompleteBillingSetupData,
  PaymentMethodType,
} from '../../gql/graphql';

/** The company as the wizard reads it, and as the finished setup answers it. */
export type WizardCompany = NonNullable<BillingSetupData['company']>;
export type SetupResult = NonNullable<CompleteBillingSetupData['completeBillingSetup']['company']>;

/**
 * The notes' first-login wizard, as data: welcome, billing terms, VAT number, payment method,
 * card (automatic payment only), done. The pages render it; these rules are tested on their own.
 */
export const STEP_IDS = ['welcome', 'terms', 'vat', 'method', 'card', 'done'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Installers choose; system managers pay automatically (the Swedish note). */
export function allowedPaymentMethods(type: CompanyType): readonly PaymentMethodType[] {
  return type === 'SYSTEM_MANAGER' ? ['AUTOMATIC'] : ['MANUAL', 'AUTOMATIC'];
}

/** What the method step starts with: the only choice there is, or none (installers pick). */
export function initialPaymentMethod(type: CompanyType): PaymentMethodType | null {
  const allowed = allowedPaymentMethods(type);
  return allowed.length === 1 ? allowed[0]! : null;
}

/** The steps shown: no card step for manual payment (the French note: "… and click Finish"). */
export function wizardSteps(method: PaymentMethodType | null): readonly StepId[] {
  return method === 'MANUAL' ? STEP_IDS.filter((step) => step !== 'card') : STEP_IDS;
}

/** The step whose button sends everything (completeBillingSetup): the last one before done. */
export function submitStep(steps: readonly StepId[]): StepId {
  return steps[steps.length - 2] ?? 'method';
}

export function nextStep(steps: readonly StepId[], current: StepId): StepId {
  const index = steps.indexOf(current);
  return steps[Math.min(index + 1, steps.length - 1)] ?? current;
}

export function previousStep(steps: readonly StepId[], current: StepId): StepId {
  const index = steps.indexOf(current);
  return steps[Math.max(index - 1, 0)] ?? current;
}

/** Where an input field of completeBillingSetup is asked for. */
const FIELD_STEPS: Readonly<Record<string, StepId>> = {
  acceptTermsVersion: 'terms',
  vatNumber: 'vat',
  paymentMethod: 'method',
  paymentMethodToken: 'card',
};

/** ["input", "vatNumber"] -> "vat"; anything else (["input"], unknown fields) -> null. */
export function stepOfField(path: readonly string[] | null | undefined): StepId | null {
  const name = fieldNameOf(path);
  return name ? (FIELD_STEPS[name] ?? null) : null;
}

// The server's words carry a value the API does not return separately (the provider's reason
// for refusing a card): keep its message for these.
const SERVER_WORDED: ReadonlySet<string> = new Set([UserErrorCode.CARD_REFUSED]);

/** A payment-related userError in the interface's language. */
export function billingErrorText(error: UserErrorLike, locale: Locale): string {
  return SERVER_WORDED.has(error.code) ? error.message : userErrorText(error, locale);
}

export interface StepErrors {
  /** one message per step, shown on that step's field */
  steps: Partial<Record<StepId, string>>;
  /** problems of the setup as a whole (e.g. a colleague finished it meanwhile) */
  form: string[];
  /** the step to go back to: the first, in the wizard's order, with a problem */
  first: StepId | null;
}

/**
 * Puts completeBillingSetup's userErrors on the steps that ask for their fields. A problem with
 * the card while manual payment is chosen (no card step) goes to the method step.
 */
export function sortSetupErrors(
  errors: readonly UserErrorLike[],
  steps: readonly StepId[],
  locale: Locale,
): StepErrors {
  const sorted: StepErrors = { steps: {}, form: [], first: null };
  for (const error of errors) {
    const text = billingErrorText(error, locale);
    let step = stepOfField(error.field);
    if (step && !steps.includes(step)) step = 'method';
    if (step) sorted.steps[step] ??= text;
    else if (!sorted.form.includes(text)) sorted.form.push(text);
  }
  sorted.first = steps.find((step) => sorted.steps[step]) ?? null;
  return sorted;
}

/** Greece writes EL on VAT numbers, not its ISO code GR (as the server does). */
export function vatPrefix(country: string): string {
  return country === 'GR' ? 'EL' : country.toUpperCase();
}

/** Upper case, without spaces, dots or dashes: the way the server stores it. */
export function normalizeVatNumber(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * The format check the browser can make (country prefix, letters and digits); the check digits
 * are the server's to verify. Empty is fine: the number is optional.
 */
export function vatNumberError(raw: string, country: string, locale: Locale): string | null {
  const value = normalizeVatNumber(raw);
  if (value === '') return null;
  if (/^[A-Z]{2}[0-9A-Z]{2,18}$/.test(value) && value.startsWith(vatPrefix(country))) return null;
  return userErrorMessage({ field: ['input', 'vatNumber'], code: UserErrorCode.INVALID }, locale);
}

export interface WizardAnswers {
  termsVersion: string | null;
  vatNumber: string;
  method: PaymentMethodType | null;
  /** the provider's token for the card (automatic payment only) */
  token: string | null;
}

/** The one completeBillingSetup input the whole wizard sends. */
export function setupInput(answers: WizardAnswers) {
  const vatNumber = normalizeVatNumber(answers.vatNumber);
  const method = answers.method ?? 'MANUAL';
  return {
    acceptTermsVersion: answers.termsVersion ?? '',
    vatNumber: vatNumber === '' ? null : vatNumber,
    paymentMethod: method,
    paymentMethodToken: method === 'AUTOMATIC' ? answers.token : null,
  };
}
