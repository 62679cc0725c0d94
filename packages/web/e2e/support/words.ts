// The languages the portal speaks and the words it shows in them, straight from the app's
// translation files: a test finds what a person would read, in every language alike.
import accountsEn from '../../src/i18n/accounts/en.json';
import accountsFr from '../../src/i18n/accounts/fr.json';
import accountsNl from '../../src/i18n/accounts/nl.json';
import accountsSv from '../../src/i18n/accounts/sv.json';
import coreEn from '../../src/i18n/en.json';
import coreFr from '../../src/i18n/fr.json';
import coreNl from '../../src/i18n/nl.json';
import coreSv from '../../src/i18n/sv.json';
import integrationsEn from '../../src/i18n/integrations/en.json';
import integrationsFr from '../../src/i18n/integrations/fr.json';
import integrationsNl from '../../src/i18n/integrations/nl.json';
import integrationsSv from '../../src/i18n/integrations/sv.json';
import listsEn from '../../src/i18n/lists/en.json';
import listsFr from '../../src/i18n/lists/fr.json';
import listsNl from '../../src/i18n/lists/nl.json';
import listsSv from '../../src/i18n/lists/sv.json';
import auditEn from '../../src/i18n/audit/en.json';
import auditFr from '../../src/i18n/audit/fr.json';
import auditNl from '../../src/i18n/audit/nl.json';
import auditSv from '../../src/i18n/audit/sv.json';
import peopleEn from '../../src/i18n/people/en.json';
import peopleFr from '../../src/i18n/people/fr.json';
import peopleNl from '../../src/i18n/people/nl.json';
import peopleSv from '../../src/i18n/people/sv.json';
import sitesEn from '../../src/i18n/sites/en.json';
import sitesFr from '../../src/i18n/sites/fr.json';
import sitesNl from '../../src/i18n/sites/nl.json';
import sitesSv from '../../src/i18n/sites/sv.json';
import mfaEn from '../../src/i18n/mfa/en.json';
import mfaFr from '../../src/i18n/mfa/fr.json';
import mfaNl from '../../src/i18n/mfa/nl.json';
import mfaSv from '../../src/i18n/mfa/sv.json';
import transfersEn from '../../src/i18n/transfers/en.json';
import transfersFr from '../../src/i18n/transfers/fr.json';
import transfersNl from '../../src/i18n/transfers/nl.json';
import transfersSv from '../../src/i18n/transfers/sv.json';
import lifecycleEn from '../../src/i18n/lifecycle/en.json';
import lifecycleFr from '../../src/i18n/lifecycle/fr.json';
import lifecycleNl from '../../src/i18n/lifecycle/nl.json';
import lifecycleSv from '../../src/i18n/lifecycle/sv.json';
import billingEn from '../../src/i18n/billing/en.json';
import billingFr from '../../src/i18n/billing/fr.json';
import billingNl from '../../src/i18n/billing/nl.json';
import billingSv from '../../src/i18n/billing/sv.json';
import type { MailLocale } from './portal-api';

export type Lang = MailLocale;
export const LANGS: readonly Lang[] = ['en', 'nl', 'sv', 'fr'];

/**
 * The app's words (layout, home, sites, people, audit log, ...) per language: the core words with
 * the namespaces the sites, people and audit pages load (and the list pieces' words).
 */
export const CORE_WORDS = {
  en: { ...coreEn, ...sitesEn, ...peopleEn, ...listsEn, ...auditEn },
  nl: { ...coreNl, ...sitesNl, ...peopleNl, ...listsNl, ...auditNl },
  sv: { ...coreSv, ...sitesSv, ...peopleSv, ...listsSv, ...auditSv },
  fr: { ...coreFr, ...sitesFr, ...peopleFr, ...listsFr, ...auditFr },
} as const;
/** The accounts pages' words (register, sign in, passwords, profile, ...) per language. */
export const ACCOUNTS_WORDS = {
  en: accountsEn,
  nl: accountsNl,
  sv: accountsSv,
  fr: accountsFr,
} as const;
/** The Integrations page's words (API keys, webhooks) per language. */
export const INTEGRATIONS_WORDS = {
  en: integrationsEn,
  nl: integrationsNl,
  sv: integrationsSv,
  fr: integrationsFr,
} as const;

/** The Transfers page's and the transfer dialog's words per language. */
export const TRANSFERS_WORDS = {
  en: transfersEn,
  nl: transfersNl,
  sv: transfersSv,
  fr: transfersFr,
} as const;

/** "{{name}} was added." with its values filled in, as the app's translator does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => String(values[key] ?? ''));
}

/**
 * Two-factor sign-in and sessions per language: the profile's Security section (the accounts
 * words), and the forms (set-up, codes, the sign-in's second step, the company setting: 'mfa').
 */
export const SECURITY_WORDS = {
  en: { ...accountsEn, ...mfaEn },
  nl: { ...accountsNl, ...mfaNl },
  sv: { ...accountsSv, ...mfaSv },
  fr: { ...accountsFr, ...mfaFr },
} as const;

/**
 * The billing lifecycle per language: the payment pages' words ('billing') with the overdue
 * banner's, the billing details' and the move dates' ('lifecycle').
 */
export const LIFECYCLE_WORDS = {
  en: { ...billingEn, ...lifecycleEn },
  nl: { ...billingNl, ...lifecycleNl },
  sv: { ...billingSv, ...lifecycleSv },
  fr: { ...billingFr, ...lifecycleFr },
} as const;
