import type { Locale } from '@entry/shared';
import type { MailContent } from '../mail-layout';

/**
 * One template in every supported language: a Record over Locale, so the compiler refuses a
 * template with a language missing.
 */
export type LocalizedTemplate<D> = Readonly<Record<Locale, (data: D) => MailContent>>;

/** French elides "de" before a vowel: "d’Acme", "de Bouygues". */
export function frenchOf(name: string): string {
  return /^[aeiouyhàâäæéèêëîïôöœùûü]/i.test(name) ? `d’${name}` : `de ${name}`;
}
