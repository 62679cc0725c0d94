import { PRODUCT_NAME } from '../mail-layout';
import type { LocalizedTemplate } from './template';

/**
 * To the address typed in a registration: we have it, approval follows. Anyone can type any
 * address, so the company's name is shown as a labelled value, never woven into our sentences,
 * and the email says what to do when it was not you.
 */
export interface RegistrationReceivedData {
  readonly firstName: string;
  readonly companyName: string;
}

export const registrationReceived: LocalizedTemplate<RegistrationReceivedData> = {
  en: ({ firstName, companyName }) => ({
    subject: 'We have received your registration',
    greeting: `Hello ${firstName},`,
    blocks: [
      { type: 'paragraph', text: `Thank you for registering with ${PRODUCT_NAME}.` },
      { type: 'facts', rows: [['Company', companyName]] },
      {
        type: 'paragraph',
        text: 'Our team checks every new registration before the account is opened. This usually takes no more than one working day.',
      },
      {
        type: 'paragraph',
        text: 'As soon as your registration has been approved, you will receive another email with a temporary password so that you can sign in.',
      },
      {
        type: 'paragraph',
        text: `If you did not register with ${PRODUCT_NAME}, someone else typed your address: you can ignore this email.`,
      },
    ],
  }),
  nl: ({ firstName, companyName }) => ({
    subject: 'We hebben uw registratie ontvangen',
    greeting: `Beste ${firstName},`,
    blocks: [
      { type: 'paragraph', text: `Bedankt voor uw registratie bij ${PRODUCT_NAME}.` },
      { type: 'facts', rows: [['Bedrijf', companyName]] },
      {
        type: 'paragraph',
        text: 'Ons team controleert elke nieuwe registratie voordat het account wordt geopend. Dit duurt meestal niet langer dan één werkdag.',
      },
      {
        type: 'paragraph',
        text: 'Zodra uw registratie is goedgekeurd, ontvangt u een tweede e-mail met een tijdelijk wachtwoord waarmee u kunt inloggen.',
      },
      {
        type: 'paragraph',
        text: `Heeft u zich niet bij ${PRODUCT_NAME} geregistreerd? Dan heeft iemand anders uw adres ingevuld en kunt u deze e-mail negeren.`,
      },
    ],
  }),
  sv: ({ firstName, companyName }) => ({
    subject: 'Vi har tagit emot din registrering',
    greeting: `Hej ${firstName},`,
    blocks: [
      { type: 'paragraph', text: `Tack för din registrering i ${PRODUCT_NAME}.` },
      { type: 'facts', rows: [['Företag', companyName]] },
      {
        type: 'paragraph',
        text: 'Vårt team granskar varje ny registrering innan kontot öppnas. Det tar vanligtvis högst en arbetsdag.',
      },
      {
        type: 'paragraph',
        text: 'När registreringen har godkänts får du ett nytt mejl med ett tillfälligt lösenord så att du kan logga in.',
      },
      {
        type: 'paragraph',
        text: `Om du inte har registrerat dig i ${PRODUCT_NAME} har någon annan angett din adress, och du kan bortse från det här mejlet.`,
      },
    ],
  }),
  fr: ({ firstName, companyName }) => ({
    subject: 'Nous avons bien reçu votre inscription',
    greeting: `Bonjour ${firstName},`,
    blocks: [
      { type: 'paragraph', text: `Merci pour votre inscription sur ${PRODUCT_NAME}.` },
      { type: 'facts', rows: [['Entreprise', companyName]] },
      {
        type: 'paragraph',
        text: 'Notre équipe vérifie chaque nouvelle inscription avant d’ouvrir le compte. Cela prend généralement un jour ouvré au maximum.',
      },
      {
        type: 'paragraph',
        text: 'Dès que votre inscription aura été approuvée, vous recevrez un second e-mail contenant un mot de passe temporaire pour vous connecter.',
      },
      {
        type: 'paragraph',
        text: `Si vous ne vous êtes pas inscrit sur ${PRODUCT_NAME}, quelqu’un d’autre a saisi votre adresse : vous pouvez ignorer cet e-mail.`,
      },
    ],
  }),
};
