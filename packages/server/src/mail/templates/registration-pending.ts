import type { Locale } from '@entry/shared';
import { PRODUCT_NAME, type MailContent } from '../mail-layout';
import type { LocalizedTemplate } from './template';

/** The contract's CompanyType values (the entity's enum members and the shared codes fit). */
export type MailCompanyType = 'INSTALLER' | 'SYSTEM_MANAGER';

/** To each operator: a company registered and waits for approval. */
export interface RegistrationPendingData {
  readonly companyName: string;
  readonly companyType: MailCompanyType;
  /** ISO 3166-1 alpha-2, named in the operator's language */
  readonly country: string;
  readonly registrantName: string;
  readonly registrantEmail: string;
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
  /** with the language's own punctuation before the colon */
  readonly subjectPrefix: string;
  readonly greeting: string;
  readonly intro: (company: string) => string;
  readonly labels: readonly [string, string, string, string, string];
  readonly action: string;
  readonly expectation: string;
}

function pending(locale: Locale, words: Words) {
  return (data: RegistrationPendingData): MailContent => {
    const type = COMPANY_TYPE_LABELS[data.companyType][locale];
    const country = countryName(data.country, locale);
    const [companyLabel, typeLabel, countryLabel, byLabel, emailLabel] = words.labels;
    return {
      subject: `${words.subjectPrefix}${data.companyName} (${type}, ${country})`,
      greeting: words.greeting,
      blocks: [
        { type: 'paragraph', text: words.intro(data.companyName) },
        {
          type: 'facts',
          rows: [
            [companyLabel, data.companyName],
            [typeLabel, type],
            [countryLabel, country],
            [byLabel, data.registrantName],
            [emailLabel, data.registrantEmail],
          ],
        },
        { type: 'action', label: words.action, url: data.operatorUrl },
        { type: 'paragraph', text: words.expectation },
      ],
    };
  };
}

export const registrationPending: LocalizedTemplate<RegistrationPendingData> = {
  en: pending('en', {
    subjectPrefix: 'New registration: ',
    greeting: 'Hello,',
    intro: (company) =>
      `${company} has registered with ${PRODUCT_NAME} and is waiting for approval.`,
    labels: ['Company', 'Type', 'Country', 'Registered by', 'Email'],
    action: 'Review the registration',
    expectation:
      'The registrant has been told that approval usually takes no more than one working day.',
  }),
  nl: pending('nl', {
    subjectPrefix: 'Nieuwe registratie: ',
    greeting: 'Hallo,',
    intro: (company) =>
      `${company} heeft zich geregistreerd bij ${PRODUCT_NAME} en wacht op goedkeuring.`,
    labels: ['Bedrijf', 'Type', 'Land', 'Geregistreerd door', 'E-mail'],
    action: 'Registratie beoordelen',
    expectation:
      'De aanvrager heeft te horen gekregen dat de goedkeuring meestal niet langer dan één werkdag duurt.',
  }),
  sv: pending('sv', {
    subjectPrefix: 'Ny registrering: ',
    greeting: 'Hej,',
    intro: (company) =>
      `${company} har registrerat sig i ${PRODUCT_NAME} och väntar på godkännande.`,
    labels: ['Företag', 'Typ', 'Land', 'Registrerat av', 'E-post'],
    action: 'Granska registreringen',
    expectation:
      'Den som registrerade sig har fått veta att godkännandet normalt tar högst en arbetsdag.',
  }),
  fr: pending('fr', {
    subjectPrefix: 'Nouvelle inscription : ',
    greeting: 'Bonjour,',
    intro: (company) =>
      `L’entreprise ${company} s’est inscrite sur ${PRODUCT_NAME} et attend votre approbation.`,
    labels: ['Entreprise', 'Type', 'Pays', 'Contact', 'E-mail'],
    action: 'Examiner l’inscription',
    expectation:
      'Nous avons indiqué au contact que l’approbation prend généralement un jour ouvré au maximum.',
  }),
};
