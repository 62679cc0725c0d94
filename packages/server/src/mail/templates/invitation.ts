import { ACCESS_LEVEL_LABELS, type AccessLevelCode } from '@entry/shared';
import { mailTemplate } from './template';

/** To a colleague invited by someone of the company. */
export interface InvitationData {
  /** the invited person's first name */
  readonly firstName: string;
  /** the full name of the person who invited them */
  readonly inviterName: string;
  readonly companyName: string;
  readonly accessLevel: AccessLevelCode;
  /** `${publicUrl}/accept-invitation?token=TOKEN` (mailLinks(publicUrl).acceptInvitation(token)) */
  readonly acceptUrl: string;
}

export const invitation = mailTemplate(
  {
    en: {
      subject: 'You have been invited to {product}',
      greeting: 'Hello {firstName},',
      invited:
        '{inviterName} of {companyName} has invited you to {product}, where your company manages its door-entry sites, colleagues and invoices.',
      accessLevel: 'Your access level: {accessLevel}.',
      action: 'Accept the invitation',
      validity:
        'The link is valid for 72 hours. If it has expired, ask {inviterName} to send you a new invitation.',
      notExpected: 'If you were not expecting this invitation, you can ignore this email.',
    },
    nl: {
      subject: 'U bent uitgenodigd voor {product}',
      greeting: 'Beste {firstName},',
      invited:
        '{inviterName} van {companyName} heeft u uitgenodigd voor {product}, waar uw bedrijf zijn locaties met deurintercom, collega’s en facturen beheert.',
      accessLevel: 'Uw toegangsniveau: {accessLevel}.',
      action: 'Uitnodiging accepteren',
      validity:
        'De link is 72 uur geldig. Is hij verlopen? Vraag {inviterName} dan om een nieuwe uitnodiging.',
      notExpected: 'Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.',
    },
    sv: {
      subject: 'Du har bjudits in till {product}',
      greeting: 'Hej {firstName},',
      invited:
        '{inviterName} på {companyName} har bjudit in dig till {product}, där ditt företag hanterar sina anläggningar med porttelefon, kollegor och fakturor.',
      accessLevel: 'Din behörighetsnivå: {accessLevel}.',
      action: 'Acceptera inbjudan',
      validity:
        'Länken är giltig i 72 timmar. Om den har gått ut kan du be {inviterName} att skicka en ny inbjudan.',
      notExpected: 'Om du inte väntade dig den här inbjudan kan du bortse från mejlet.',
    },
    fr: {
      subject: 'Vous êtes invité à rejoindre {product}',
      greeting: 'Bonjour {firstName},',
      invited:
        '{inviterName} ({companyName}) vous invite à rejoindre {product}, où votre entreprise gère ses sites équipés de portiers, ses collègues et ses factures.',
      accessLevel: 'Votre niveau d’accès : {accessLevel}.',
      action: 'Accepter l’invitation',
      validity:
        'Ce lien est valable 72 heures. S’il a expiré, demandez à {inviterName} de vous envoyer une nouvelle invitation.',
      notExpected:
        'Si vous ne vous attendiez pas à cette invitation, vous pouvez ignorer cet e-mail.',
    },
  },
  (say, d: InvitationData, locale) => ({
    subject: say('subject'),
    greeting: say('greeting', { firstName: d.firstName }),
    blocks: [
      {
        type: 'paragraph',
        text: say('invited', { inviterName: d.inviterName, companyName: d.companyName }),
      },
      {
        type: 'paragraph',
        text: say('accessLevel', { accessLevel: ACCESS_LEVEL_LABELS[d.accessLevel][locale] }),
      },
      { type: 'action', label: say('action'), url: d.acceptUrl },
      { type: 'paragraph', text: say('validity', { inviterName: d.inviterName }) },
      { type: 'paragraph', text: say('notExpected') },
    ],
  }),
);
