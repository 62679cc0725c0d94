import { PRODUCT_NAME } from '../mail-layout';
import type { LocalizedTemplate } from './template';

/** To the person who registered a company: we have it, approval follows. */
export interface RegistrationReceivedData {
  readonly firstName: string;
  readonly companyName: string;
}

export const registrationReceived: LocalizedTemplate<RegistrationReceivedData> = {
  en: ({ firstName, companyName }) => ({
    subject: 'We have received your registration',
    greeting: `Hello ${firstName},`,
    blocks: [
      { type: 'paragraph', text: `Thank you for registering ${companyName} with ${PRODUCT_NAME}.` },
      {
        type: 'paragraph',
        text: 'Our team checks every new registration before the account is opened. This usually takes no more than one working day.',
      },
      {
        type: 'paragraph',
        text: 'As soon as your registration has been approved, you will receive another email with a temporary password so that you can sign in.',
      },
    ],
  }),
  nl: ({ firstName, companyName }) => ({
    subject: 'We hebben uw registratie ontvangen',
    greeting: `Beste ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Bedankt voor het registreren van ${companyName} bij ${PRODUCT_NAME}.`,
      },
      {
        type: 'paragraph',
        text: 'Ons team controleert elke nieuwe registratie voordat het account wordt geopend. Dit duurt meestal niet langer dan één werkdag.',
      },
      {
        type: 'paragraph',
        text: 'Zodra uw registratie is goedgekeurd, ontvangt u een tweede e-mail met een tijdelijk wachtwoord waarmee u kunt inloggen.',
      },
    ],
  }),
  sv: ({ firstName, companyName }) => ({
    subject: 'Vi har tagit emot din registrering',
    greeting: `Hej ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Tack för att du har registrerat ${companyName} i ${PRODUCT_NAME}.`,
      },
      {
        type: 'paragraph',
        text: 'Vårt team granskar varje ny registrering innan kontot öppnas. Det tar vanligtvis högst en arbetsdag.',
      },
      {
        type: 'paragraph',
        text: 'När registreringen har godkänts får du ett nytt mejl med ett tillfälligt lösenord så att du kan logga in.',
      },
    ],
  }),
  fr: ({ firstName, companyName }) => ({
    subject: 'Nous avons bien reçu votre inscription',
    greeting: `Bonjour ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Merci d’avoir inscrit ${companyName} sur ${PRODUCT_NAME}.`,
      },
      {
        type: 'paragraph',
        text: 'Notre équipe vérifie chaque nouvelle inscription avant d’ouvrir le compte. Cela prend généralement un jour ouvré au maximum.',
      },
      {
        type: 'paragraph',
        text: 'Dès que votre inscription aura été approuvée, vous recevrez un second e-mail contenant un mot de passe temporaire pour vous connecter.',
      },
    ],
  }),
};
