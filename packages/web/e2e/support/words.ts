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
import type { MailLocale } from './portal-api';

export type Lang = MailLocale;
export const LANGS: readonly Lang[] = ['en', 'nl', 'sv', 'fr'];

/**
 * The app's words (layout, home, sites, people, audit log, ...) per language: the core words with
 * the namespaces the sites, people and audit pages load.
 */
export const CORE_WORDS = {
  en: { ...coreEn, ...sitesEn, ...peopleEn, ...auditEn },
  nl: { ...coreNl, ...sitesNl, ...peopleNl, ...auditNl },
  sv: { ...coreSv, ...sitesSv, ...peopleSv, ...auditSv },
  fr: { ...coreFr, ...sitesFr, ...peopleFr, ...auditFr },
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

/** "{{name}} was added." with its values filled in, as the app's translator does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => String(values[key] ?? ''));
}
