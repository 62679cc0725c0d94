import type { Locale, Localized } from '@entry/shared';
import type { Say } from './template';

/** The greeting of a billing address (accounts payable): nobody's name is known there. */
const UNNAMED: Localized = { en: 'Hello,', nl: 'Goedendag,', sv: 'Hej,', fr: 'Bonjour,' };

/**
 * "Hello Daisy," to a payment admin, "Hello," to a billing address: the billing emails go to both
 * (billing/billing-recipients.ts).
 */
export function billingGreeting(
  say: Say<'greeting'>,
  firstName: string | null,
  locale: Locale,
): string {
  return firstName ? say('greeting', { firstName }) : UNNAMED[locale];
}
