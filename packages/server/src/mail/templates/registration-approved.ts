import type { Locale } from '@entry/shared';
import { PRODUCT_NAME } from '../mail-layout';
import { frenchOf, type LocalizedTemplate } from './template';

/** To the company's first person: approved, here is a temporary password. */
export interface RegistrationApprovedData {
  readonly firstName: string;
  readonly companyName: string;
  readonly temporaryPassword: string;
  /** `${publicUrl}/sign-in` (mailLinks(publicUrl).signIn) */
  readonly signInUrl: string;
}

/**
 * The text part holds the password on a line of its own right after this label: the contract
 * promises it (apps and tests read it), so it lives in one place.
 */
export const TEMPORARY_PASSWORD_LABELS: Readonly<Record<Locale, string>> = {
  en: 'Temporary password: ',
  nl: 'Tijdelijk wachtwoord: ',
  sv: 'Tillfälligt lösenord: ',
  fr: 'Mot de passe temporaire : ',
};

export const registrationApproved: LocalizedTemplate<RegistrationApprovedData> = {
  en: ({ firstName, companyName, temporaryPassword, signInUrl }) => ({
    subject: `Your ${PRODUCT_NAME} account is ready`,
    greeting: `Hello ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Good news: the registration of ${companyName} has been approved and your account is ready.`,
      },
      {
        type: 'paragraph',
        text: 'Sign in with this email address and the temporary password below:',
      },
      { type: 'secret', label: TEMPORARY_PASSWORD_LABELS.en, value: temporaryPassword },
      {
        type: 'paragraph',
        text: 'The temporary password works once and expires in 7 days. When you sign in, you will be asked to choose a password of your own.',
      },
      { type: 'action', label: 'Sign in', url: signInUrl },
    ],
  }),
  nl: ({ firstName, companyName, temporaryPassword, signInUrl }) => ({
    subject: `Uw ${PRODUCT_NAME}-account staat klaar`,
    greeting: `Beste ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Goed nieuws: de registratie van ${companyName} is goedgekeurd en uw account staat klaar.`,
      },
      {
        type: 'paragraph',
        text: 'Log in met dit e-mailadres en het onderstaande tijdelijke wachtwoord:',
      },
      { type: 'secret', label: TEMPORARY_PASSWORD_LABELS.nl, value: temporaryPassword },
      {
        type: 'paragraph',
        text: 'Het tijdelijke wachtwoord werkt één keer en verloopt over 7 dagen. Na het inloggen wordt u gevraagd een eigen wachtwoord te kiezen.',
      },
      { type: 'action', label: 'Inloggen', url: signInUrl },
    ],
  }),
  sv: ({ firstName, companyName, temporaryPassword, signInUrl }) => ({
    subject: `Ditt ${PRODUCT_NAME}-konto är klart`,
    greeting: `Hej ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Goda nyheter: registreringen av ${companyName} har godkänts och ditt konto är klart.`,
      },
      {
        type: 'paragraph',
        text: 'Logga in med den här e-postadressen och det tillfälliga lösenordet nedan:',
      },
      { type: 'secret', label: TEMPORARY_PASSWORD_LABELS.sv, value: temporaryPassword },
      {
        type: 'paragraph',
        text: 'Det tillfälliga lösenordet fungerar en gång och går ut om 7 dagar. När du loggar in blir du ombedd att välja ett eget lösenord.',
      },
      { type: 'action', label: 'Logga in', url: signInUrl },
    ],
  }),
  fr: ({ firstName, companyName, temporaryPassword, signInUrl }) => ({
    subject: `Votre compte ${PRODUCT_NAME} est prêt`,
    greeting: `Bonjour ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Bonne nouvelle : l’inscription ${frenchOf(companyName)} a été approuvée et votre compte est prêt.`,
      },
      {
        type: 'paragraph',
        text: 'Connectez-vous avec cette adresse e-mail et le mot de passe temporaire ci-dessous :',
      },
      { type: 'secret', label: TEMPORARY_PASSWORD_LABELS.fr, value: temporaryPassword },
      {
        type: 'paragraph',
        text: 'Le mot de passe temporaire ne fonctionne qu’une seule fois et expire dans 7 jours. Lors de votre connexion, il vous sera demandé de choisir votre propre mot de passe.',
      },
      { type: 'action', label: 'Se connecter', url: signInUrl },
    ],
  }),
};
