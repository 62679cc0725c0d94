import type { Locale } from '@entry/shared';
import type { MailBlock } from '../mail-layout';
import { mailTemplate } from './template';

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

export const registrationDigest = mailTemplate(
  {
    en: {
      subject: 'New registrations waiting for approval ({total})',
      greeting: 'Hello,',
      introOne: '1 new registration is waiting for approval in {product}.',
      introMany: '{total} new registrations are waiting for approval in {product}.',
      asTyped:
        'The details below are as the registrants typed them; nothing in them has been checked.',
      company: 'Company',
      type: 'Type',
      country: 'Country',
      registeredBy: 'Registered by',
      email: 'Email',
      more: '…and {count} more in the queue.',
      action: 'Review the registrations',
    },
    nl: {
      subject: 'Nieuwe registraties wachten op goedkeuring ({total})',
      greeting: 'Hallo,',
      introOne: 'Er wacht 1 nieuwe registratie op goedkeuring in {product}.',
      introMany: 'Er wachten {total} nieuwe registraties op goedkeuring in {product}.',
      asTyped:
        'De gegevens hieronder staan er zoals de aanvragers ze hebben ingevuld; niets ervan is gecontroleerd.',
      company: 'Bedrijf',
      type: 'Type',
      country: 'Land',
      registeredBy: 'Geregistreerd door',
      email: 'E-mail',
      more: '…en nog {count} in de wachtrij.',
      action: 'Registraties beoordelen',
    },
    sv: {
      subject: 'Nya registreringar väntar på godkännande ({total})',
      greeting: 'Hej,',
      introOne: '1 ny registrering väntar på godkännande i {product}.',
      introMany: '{total} nya registreringar väntar på godkännande i {product}.',
      asTyped:
        'Uppgifterna nedan är som de registrerande skrev dem; inget av det har kontrollerats.',
      company: 'Företag',
      type: 'Typ',
      country: 'Land',
      registeredBy: 'Registrerat av',
      email: 'E-post',
      more: '…och {count} till i kön.',
      action: 'Granska registreringarna',
    },
    fr: {
      subject: 'Nouvelles inscriptions en attente d’approbation ({total})',
      greeting: 'Bonjour,',
      introOne: '1 nouvelle inscription attend votre approbation sur {product}.',
      introMany: '{total} nouvelles inscriptions attendent votre approbation sur {product}.',
      asTyped:
        'Les informations ci-dessous sont telles que les demandeurs les ont saisies ; rien n’y a été vérifié.',
      company: 'Entreprise',
      type: 'Type',
      country: 'Pays',
      registeredBy: 'Contact',
      email: 'E-mail',
      more: '…et {count} autres dans la file d’attente.',
      action: 'Examiner les inscriptions',
    },
  },
  (say, data: RegistrationDigestData, locale) => {
    // counts as plain digits, as the subject line has always shown them (no locale grouping)
    const total = String(data.total);
    const listed: MailBlock[] = data.registrations.map((registration) => ({
      type: 'facts',
      rows: [
        [say('company'), registration.companyName],
        [say('type'), COMPANY_TYPE_LABELS[registration.companyType][locale]],
        [say('country'), countryName(registration.country, locale)],
        [say('registeredBy'), registration.registrantName],
        [say('email'), registration.registrantEmail],
      ],
    }));
    const unlisted = data.total - data.registrations.length;
    return {
      subject: say('subject', { total }),
      greeting: say('greeting'),
      blocks: [
        {
          type: 'paragraph',
          text: data.total === 1 ? say('introOne') : say('introMany', { total }),
        },
        { type: 'paragraph', text: say('asTyped') },
        ...listed,
        ...(unlisted > 0
          ? [{ type: 'paragraph' as const, text: say('more', { count: String(unlisted) }) }]
          : []),
        { type: 'action', label: say('action'), url: data.operatorUrl },
      ],
    };
  },
);
