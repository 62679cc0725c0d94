import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '@entry/shared';
import { PRODUCT_NAME, type MailContent } from '../mail-layout';

/**
 * One template in every supported language: a Record over Locale, so the compiler refuses a
 * template with a language missing.
 */
export type LocalizedTemplate<D> = Readonly<Record<Locale, (data: D) => MailContent>>;

/** A mail's words in every language: the same keys in each, ICU messages with named values. */
export type MailMessages<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export type MessageValues = Readonly<Record<string, string>>;

/** Words a template says by key: `say('intro', { companyName })`; `{product}` is always known. */
export type Say<K extends string> = (key: K, values?: MessageValues) => string;

/**
 * One mail: its words per language as data, laid out by one function for every language.
 * Messages are ICU MessageFormat (intl-messageformat), compiled once on first use: a value the
 * message names but the template does not give throws instead of mailing "{firstName}". Values
 * are inserted as plain text; the layout escapes every text for the HTML part, so a hostile
 * company name stays text. (Typographic ’ only: in ICU a ' before a brace quotes it.)
 */
export function mailTemplate<K extends string, D>(
  messages: MailMessages<K>,
  compose: (say: Say<K>, data: D, locale: Locale) => MailContent,
): LocalizedTemplate<D> {
  const forLocale = (locale: Locale) => {
    const compiled = new Map<K, IntlMessageFormat>();
    const say: Say<K> = (key, values = {}) => {
      let format = compiled.get(key);
      if (!format) {
        format = new IntlMessageFormat(messages[locale][key], locale, undefined, {
          ignoreTag: true,
        });
        compiled.set(key, format);
      }
      return String(format.format({ product: PRODUCT_NAME, ...values }));
    };
    return (data: D) => compose(say, data, locale);
  };
  return { en: forLocale('en'), nl: forLocale('nl'), sv: forLocale('sv'), fr: forLocale('fr') };
}

/** French elides "de" before a vowel: "d’Acme", "de Bouygues". */
export function frenchOf(name: string): string {
  return /^[aeiouyhàâäæéèêëîïôöœùûü]/i.test(name) ? `d’${name}` : `de ${name}`;
}
