import { ACCESS_LEVEL_LABELS, type AccessLevelCode } from '@entry/shared';
import { PRODUCT_NAME } from '../mail-layout';
import type { LocalizedTemplate } from './template';

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

export const invitation: LocalizedTemplate<InvitationData> = {
  en: (data) => ({
    subject: `You have been invited to ${PRODUCT_NAME}`,
    greeting: `Hello ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `${data.inviterName} of ${data.companyName} has invited you to ${PRODUCT_NAME}, where your company manages its door-entry sites, colleagues and invoices.`,
      },
      {
        type: 'paragraph',
        text: `Your access level: ${ACCESS_LEVEL_LABELS[data.accessLevel].en}.`,
      },
      { type: 'action', label: 'Accept the invitation', url: data.acceptUrl },
      {
        type: 'paragraph',
        text: `The link is valid for 72 hours. If it has expired, ask ${data.inviterName} to send you a new invitation.`,
      },
      {
        type: 'paragraph',
        text: 'If you were not expecting this invitation, you can ignore this email.',
      },
    ],
  }),
  nl: (data) => ({
    subject: `U bent uitgenodigd voor ${PRODUCT_NAME}`,
    greeting: `Beste ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `${data.inviterName} van ${data.companyName} heeft u uitgenodigd voor ${PRODUCT_NAME}, waar uw bedrijf zijn locaties met deurintercom, collega’s en facturen beheert.`,
      },
      {
        type: 'paragraph',
        text: `Uw toegangsniveau: ${ACCESS_LEVEL_LABELS[data.accessLevel].nl}.`,
      },
      { type: 'action', label: 'Uitnodiging accepteren', url: data.acceptUrl },
      {
        type: 'paragraph',
        text: `De link is 72 uur geldig. Is hij verlopen? Vraag ${data.inviterName} dan om een nieuwe uitnodiging.`,
      },
      {
        type: 'paragraph',
        text: 'Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.',
      },
    ],
  }),
  sv: (data) => ({
    subject: `Du har bjudits in till ${PRODUCT_NAME}`,
    greeting: `Hej ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `${data.inviterName} på ${data.companyName} har bjudit in dig till ${PRODUCT_NAME}, där ditt företag hanterar sina anläggningar med porttelefon, kollegor och fakturor.`,
      },
      {
        type: 'paragraph',
        text: `Din behörighetsnivå: ${ACCESS_LEVEL_LABELS[data.accessLevel].sv}.`,
      },
      { type: 'action', label: 'Acceptera inbjudan', url: data.acceptUrl },
      {
        type: 'paragraph',
        text: `Länken är giltig i 72 timmar. Om den har gått ut kan du be ${data.inviterName} att skicka en ny inbjudan.`,
      },
      {
        type: 'paragraph',
        text: 'Om du inte väntade dig den här inbjudan kan du bortse från mejlet.',
      },
    ],
  }),
  fr: (data) => ({
    subject: `Vous êtes invité à rejoindre ${PRODUCT_NAME}`,
    greeting: `Bonjour ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `${data.inviterName} (${data.companyName}) vous invite à rejoindre ${PRODUCT_NAME}, où votre entreprise gère ses sites équipés de portiers, ses collègues et ses factures.`,
      },
      {
        type: 'paragraph',
        text: `Votre niveau d’accès : ${ACCESS_LEVEL_LABELS[data.accessLevel].fr}.`,
      },
      { type: 'action', label: 'Accepter l’invitation', url: data.acceptUrl },
      {
        type: 'paragraph',
        text: `Ce lien est valable 72 heures. S’il a expiré, demandez à ${data.inviterName} de vous envoyer une nouvelle invitation.`,
      },
      {
        type: 'paragraph',
        text: 'Si vous ne vous attendiez pas à cette invitation, vous pouvez ignorer cet e-mail.',
      },
    ],
  }),
};
