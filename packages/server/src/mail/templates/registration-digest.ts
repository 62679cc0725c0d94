import type { Locale } from '@entry/shared';
import { PRODUCT_NAME, type MailBlock, type MailContent } from '../mail-layout';
import type { LocalizedTemplate } from './template';

/** The contract's CompanyType values (the entity's enum members and the shared codes fit). */
export type MailCompanyType = 'INSTALLER' | 'SYSTEM_MANAGER';

/** One registration as the digest lists it: every text here is as the registrant typed it. */
export interface DigestRegistration {
  readonly companyName: string;
  readonly companyType: MailCompanyType;
  /** ISO 3166-1 alpha-2, named in the operator's language */
  readonly country: string;
  readonly registrantName: string;
  readonly registrantEmail: string;
}

/**
 * To each operator, at most once per digest window: the registrations that arrived since the
 * last digest and still wait for approval.
 */
export interface RegistrationDigestData {
  /** how many registrations wait in this digest (the list may show fewer) */
  readonly total: number;
  /** the oldest first, at most REGISTRATION_DIGEST_LIST_MAX */
  readonly registrations: readonly DigestRegistration[];
  /** `${publicUrl}/operator` (mailLinks(publicUrl).operator) */
  readonly operatorUrl: string;
}

const COMPANY_TYPE_LABELS: Readonly<Record<MailCompanyType, Readonly<Record<Locale, string>>>> = {
  INSTALLER: { en: 'Installer', nl: 'Installateur', sv: 'Installatör', fr: 'Installateur' },
  SYSTEM_MANAGER: {
    en: 'Building manager',
    nl: 'Vastgoedbeheerder',
    sv: 'Systemansvarig',
    fr: 'Gestionnaire d’immeubles',
  },
};

/** The runtime's CLDR names ("SE" -> "Zweden" in Dutch); the code itself if it has none. */
function countryName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

interface Words {
  readonly subject: (total: number) => string;
  readonly greeting: string;
  readonly intro: (total: number) => string;
  /** why the names below are not ours: they are data, not a message from us */
  readonly asTyped: string;
  readonly labels: readonly [string, string, string, string, string];
  readonly more: (count: number) => string;
  readonly action: string;
}

function digest(locale: Locale, words: Words) {
  return (data: RegistrationDigestData): MailContent => {
    const [companyLabel, typeLabel, countryLabel, byLabel, emailLabel] = words.labels;
    const listed: MailBlock[] = data.registrations.map((registration) => ({
      type: 'facts',
      rows: [
        [companyLabel, registration.companyName],
        [typeLabel, COMPANY_TYPE_LABELS[registration.companyType][locale]],
        [countryLabel, countryName(registration.country, locale)],
        [byLabel, registration.registrantName],
        [emailLabel, registration.registrantEmail],
      ],
    }));
    const unlisted = data.total - data.registrations.length;
    return {
      subject: words.subject(data.total),
      greeting: words.greeting,
      blocks: [
        { type: 'paragraph', text: words.intro(data.total) },
        { type: 'paragraph', text: words.asTyped },
        ...listed,
        ...(unlisted > 0 ? [{ type: 'paragraph' as const, text: words.more(unlisted) }] : []),
        { type: 'action', label: words.action, url: data.operatorUrl },
      ],
    };
  };
}

export const registrationDigest: LocalizedTemplate<RegistrationDigestData> = {
  en: digest('en', {
    subject: (total) => `New registrations waiting for approval (${total})`,
    greeting: 'Hello,',
    intro: (total) =>
      total === 1
        ? `1 new registration is waiting for approval in ${PRODUCT_NAME}.`
        : `${total} new registrations are waiting for approval in ${PRODUCT_NAME}.`,
    asTyped:
      'The details below are as the registrants typed them; nothing in them has been checked.',
    labels: ['Company', 'Type', 'Country', 'Registered by', 'Email'],
    more: (count) => `…and ${count} more in the queue.`,
    action: 'Review the registrations',
  }),
  nl: digest('nl', {
    subject: (total) => `Nieuwe registraties wachten op goedkeuring (${total})`,
    greeting: 'Hallo,',
    intro: (total) =>
      total === 1
        ? `Er wacht 1 nieuwe registratie op goedkeuring in ${PRODUCT_NAME}.`
        : `Er wachten ${total} nieuwe registraties op goedkeuring in ${PRODUCT_NAME}.`,
    asTyped:
      'De gegevens hieronder staan er zoals de aanvragers ze hebben ingevuld; niets ervan is gecontroleerd.',
    labels: ['Bedrijf', 'Type', 'Land', 'Geregistreerd door', 'E-mail'],
    more: (count) => `…en nog ${count} in de wachtrij.`,
    action: 'Registraties beoordelen',
  }),
  sv: digest('sv', {
    subject: (total) => `Nya registreringar väntar på godkännande (${total})`,
    greeting: 'Hej,',
    intro: (total) =>
      total === 1
        ? `1 ny registrering väntar på godkännande i ${PRODUCT_NAME}.`
        : `${total} nya registreringar väntar på godkännande i ${PRODUCT_NAME}.`,
    asTyped: 'Uppgifterna nedan är som de registrerande skrev dem; inget av det har kontrollerats.',
    labels: ['Företag', 'Typ', 'Land', 'Registrerat av', 'E-post'],
    more: (count) => `…och ${count} till i kön.`,
    action: 'Granska registreringarna',
  }),
  fr: digest('fr', {
    subject: (total) => `Nouvelles inscriptions en attente d’approbation (${total})`,
    greeting: 'Bonjour,',
    intro: (total) =>
      total === 1
        ? `1 nouvelle inscription attend votre approbation sur ${PRODUCT_NAME}.`
        : `${total} nouvelles inscriptions attendent votre approbation sur ${PRODUCT_NAME}.`,
    asTyped:
      'Les informations ci-dessous sont telles que les demandeurs les ont saisies ; rien n’y a été vérifié.',
    labels: ['Entreprise', 'Type', 'Pays', 'Contact', 'E-mail'],
    more: (count) => `…et ${count} autres dans la file d’attente.`,
    action: 'Examiner les inscriptions',
  }),
};
