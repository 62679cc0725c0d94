import { PRODUCT_NAME } from '../mail-layout';
import type { LocalizedTemplate } from './template';

/**
 * To the owner of an address someone tried to register a company with. Registering answers the
 * same for a known and a new address (no enumeration), so the owner learns it here instead. The
 * registrant's words (company name, names) stay out: anyone can type them, and this email goes to
 * an address they chose.
 */
export interface RegistrationAttemptedData {
  /** the owner's own first name (an operator's name) */
  readonly firstName: string;
  readonly signInUrl: string;
  readonly forgotPasswordUrl: string;
}

export const registrationAttempted: LocalizedTemplate<RegistrationAttemptedData> = {
  en: (data) => ({
    subject: `Someone tried to register with your email address on ${PRODUCT_NAME}`,
    greeting: `Hello ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Someone tried to register a company on ${PRODUCT_NAME} with your email address. Your address already has an account, so nothing was registered.`,
      },
      {
        type: 'paragraph',
        text: 'If it was you, sign in with your account, or reset your password if you no longer know it.',
      },
      { type: 'action', label: 'Sign in', url: data.signInUrl },
      { type: 'action', label: 'Reset your password', url: data.forgotPasswordUrl },
      {
        type: 'paragraph',
        text: 'If it was not you, you can ignore this email: nothing has changed in your account.',
      },
    ],
  }),
  nl: (data) => ({
    subject: `Iemand probeerde zich met uw e-mailadres te registreren bij ${PRODUCT_NAME}`,
    greeting: `Beste ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Iemand probeerde met uw e-mailadres een bedrijf te registreren bij ${PRODUCT_NAME}. Uw adres heeft al een account, dus er is niets geregistreerd.`,
      },
      {
        type: 'paragraph',
        text: 'Was u het zelf? Log dan in met uw account, of stel uw wachtwoord opnieuw in als u het niet meer weet.',
      },
      { type: 'action', label: 'Inloggen', url: data.signInUrl },
      { type: 'action', label: 'Wachtwoord opnieuw instellen', url: data.forgotPasswordUrl },
      {
        type: 'paragraph',
        text: 'Was u het niet? Dan kunt u deze e-mail negeren; er is niets aan uw account veranderd.',
      },
    ],
  }),
  sv: (data) => ({
    subject: `Någon försökte registrera sig med din e-postadress i ${PRODUCT_NAME}`,
    greeting: `Hej ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Någon försökte registrera ett företag i ${PRODUCT_NAME} med din e-postadress. Din adress har redan ett konto, så ingenting registrerades.`,
      },
      {
        type: 'paragraph',
        text: 'Om det var du: logga in med ditt konto, eller återställ lösenordet om du inte längre minns det.',
      },
      { type: 'action', label: 'Logga in', url: data.signInUrl },
      { type: 'action', label: 'Återställ lösenordet', url: data.forgotPasswordUrl },
      {
        type: 'paragraph',
        text: 'Om det inte var du kan du bortse från det här mejlet: ingenting har ändrats i ditt konto.',
      },
    ],
  }),
  fr: (data) => ({
    subject: `Quelqu’un a tenté de s’inscrire avec votre adresse e-mail sur ${PRODUCT_NAME}`,
    greeting: `Bonjour ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Quelqu’un a tenté d’inscrire une entreprise sur ${PRODUCT_NAME} avec votre adresse e-mail. Votre adresse a déjà un compte : rien n’a donc été inscrit.`,
      },
      {
        type: 'paragraph',
        text: 'Si c’était vous, connectez-vous avec votre compte, ou réinitialisez votre mot de passe si vous ne le connaissez plus.',
      },
      { type: 'action', label: 'Se connecter', url: data.signInUrl },
      {
        type: 'action',
        label: 'Réinitialiser le mot de passe',
        url: data.forgotPasswordUrl,
      },
      {
        type: 'paragraph',
        text: 'Si ce n’était pas vous, vous pouvez ignorer cet e-mail : rien n’a changé dans votre compte.',
      },
    ],
  }),
};
