import type { Locale } from '@entry/shared';
import { frenchOf, mailTemplate } from './template';

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

export const registrationApproved = mailTemplate(
  {
    en: {
      subject: 'Your {product} account is ready',
      greeting: 'Hello {firstName},',
      approved:
        'Good news: the registration of {companyName} has been approved and your account is ready.',
      signInWith: 'Sign in with this email address and the temporary password below:',
      expiry:
        'The temporary password works once and expires in 7 days. When you sign in, you will be asked to choose a password of your own.',
      action: 'Sign in',
    },
    nl: {
      subject: 'Uw {product}-account staat klaar',
      greeting: 'Beste {firstName},',
      approved:
        'Goed nieuws: de registratie van {companyName} is goedgekeurd en uw account staat klaar.',
      signInWith: 'Log in met dit e-mailadres en het onderstaande tijdelijke wachtwoord:',
      expiry:
        'Het tijdelijke wachtwoord werkt één keer en verloopt over 7 dagen. Na het inloggen wordt u gevraagd een eigen wachtwoord te kiezen.',
      action: 'Inloggen',
    },
    sv: {
      subject: 'Ditt {product}-konto är klart',
      greeting: 'Hej {firstName},',
      approved:
        'Goda nyheter: registreringen av {companyName} har godkänts och ditt konto är klart.',
      signInWith: 'Logga in med den här e-postadressen och det tillfälliga lösenordet nedan:',
      expiry:
        'Det tillfälliga lösenordet fungerar en gång och går ut om 7 dagar. När du loggar in blir du ombedd att välja ett eget lösenord.',
      action: 'Logga in',
    },
    fr: {
      subject: 'Votre compte {product} est prêt',
      greeting: 'Bonjour {firstName},',
      approved:
        'Bonne nouvelle : l’inscription {ofCompany} a été approuvée et votre compte est prêt.',
      signInWith:
        'Connectez-vous avec cette adresse e-mail et le mot de passe temporaire ci-dessous :',
      expiry:
        'Le mot de passe temporaire ne fonctionne qu’une seule fois et expire dans 7 jours. Lors de votre connexion, il vous sera demandé de choisir votre propre mot de passe.',
      action: 'Se connecter',
    },
  },
  (say, d: RegistrationApprovedData, locale) => ({
    subject: say('subject'),
    greeting: say('greeting', { firstName: d.firstName }),
    blocks: [
      {
        type: 'paragraph',
        text: say('approved', { companyName: d.companyName, ofCompany: frenchOf(d.companyName) }),
      },
      { type: 'paragraph', text: say('signInWith') },
      { type: 'secret', label: TEMPORARY_PASSWORD_LABELS[locale], value: d.temporaryPassword },
      { type: 'paragraph', text: say('expiry') },
      { type: 'action', label: say('action'), url: d.signInUrl },
    ],
  }),
);
