import { PRODUCT_NAME } from '../mail-layout';
import type { LocalizedTemplate } from './template';

/** To a person who asked to reset their password. */
export interface PasswordResetData {
  readonly firstName: string;
  /** `${publicUrl}/reset-password?token=TOKEN` (mailLinks(publicUrl).resetPassword(token)) */
  readonly resetUrl: string;
}

export const passwordReset: LocalizedTemplate<PasswordResetData> = {
  en: (data) => ({
    subject: `Reset your ${PRODUCT_NAME} password`,
    greeting: `Hello ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `We received a request to reset the password of your ${PRODUCT_NAME} account.`,
      },
      { type: 'action', label: 'Choose a new password', url: data.resetUrl },
      { type: 'paragraph', text: 'This link is valid for 1 hour.' },
      {
        type: 'paragraph',
        text: 'If you did not ask for this, you can ignore this email: your password stays the same.',
      },
    ],
  }),
  nl: (data) => ({
    subject: `Stel uw ${PRODUCT_NAME}-wachtwoord opnieuw in`,
    greeting: `Beste ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `We hebben een verzoek ontvangen om het wachtwoord van uw ${PRODUCT_NAME}-account opnieuw in te stellen.`,
      },
      { type: 'action', label: 'Nieuw wachtwoord kiezen', url: data.resetUrl },
      { type: 'paragraph', text: 'Deze link is 1 uur geldig.' },
      {
        type: 'paragraph',
        text: 'Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft ongewijzigd.',
      },
    ],
  }),
  sv: (data) => ({
    subject: `Återställ ditt lösenord till ${PRODUCT_NAME}`,
    greeting: `Hej ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Vi har fått en begäran om att återställa lösenordet till ditt konto i ${PRODUCT_NAME}.`,
      },
      { type: 'action', label: 'Välj ett nytt lösenord', url: data.resetUrl },
      { type: 'paragraph', text: 'Länken är giltig i 1 timme.' },
      {
        type: 'paragraph',
        text: 'Om du inte har bett om detta kan du bortse från det här mejlet. Ditt lösenord förblir oförändrat.',
      },
    ],
  }),
  fr: (data) => ({
    subject: `Réinitialisation de votre mot de passe ${PRODUCT_NAME}`,
    greeting: `Bonjour ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Nous avons reçu une demande de réinitialisation du mot de passe de votre compte ${PRODUCT_NAME}.`,
      },
      { type: 'action', label: 'Choisir un nouveau mot de passe', url: data.resetUrl },
      { type: 'paragraph', text: 'Ce lien est valable 1 heure.' },
      {
        type: 'paragraph',
        text: 'Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail : votre mot de passe reste inchangé.',
      },
    ],
  }),
};
