import { mailTemplate } from './template';

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

export const registrationAttempted = mailTemplate(
  {
    en: {
      subject: 'Someone tried to register with your email address on {product}',
      greeting: 'Hello {firstName},',
      attempt:
        'Someone tried to register a company on {product} with your email address. Your address already has an account, so nothing was registered.',
      ifYou:
        'If it was you, sign in with your account, or reset your password if you no longer know it.',
      signIn: 'Sign in',
      reset: 'Reset your password',
      ifNotYou:
        'If it was not you, you can ignore this email: nothing has changed in your account.',
    },
    nl: {
      subject: 'Iemand probeerde zich met uw e-mailadres te registreren bij {product}',
      greeting: 'Beste {firstName},',
      attempt:
        'Iemand probeerde met uw e-mailadres een bedrijf te registreren bij {product}. Uw adres heeft al een account, dus er is niets geregistreerd.',
      ifYou:
        'Was u het zelf? Log dan in met uw account, of stel uw wachtwoord opnieuw in als u het niet meer weet.',
      signIn: 'Inloggen',
      reset: 'Wachtwoord opnieuw instellen',
      ifNotYou:
        'Was u het niet? Dan kunt u deze e-mail negeren; er is niets aan uw account veranderd.',
    },
    sv: {
      subject: 'Någon försökte registrera sig med din e-postadress i {product}',
      greeting: 'Hej {firstName},',
      attempt:
        'Någon försökte registrera ett företag i {product} med din e-postadress. Din adress har redan ett konto, så ingenting registrerades.',
      ifYou:
        'Om det var du: logga in med ditt konto, eller återställ lösenordet om du inte längre minns det.',
      signIn: 'Logga in',
      reset: 'Återställ lösenordet',
      ifNotYou:
        'Om det inte var du kan du bortse från det här mejlet: ingenting har ändrats i ditt konto.',
    },
    fr: {
      subject: 'Quelqu’un a tenté de s’inscrire avec votre adresse e-mail sur {product}',
      greeting: 'Bonjour {firstName},',
      attempt:
        'Quelqu’un a tenté d’inscrire une entreprise sur {product} avec votre adresse e-mail. Votre adresse a déjà un compte : rien n’a donc été inscrit.',
      ifYou:
        'Si c’était vous, connectez-vous avec votre compte, ou réinitialisez votre mot de passe si vous ne le connaissez plus.',
      signIn: 'Se connecter',
      reset: 'Réinitialiser le mot de passe',
      ifNotYou:
        'Si ce n’était pas vous, vous pouvez ignorer cet e-mail : rien n’a changé dans votre compte.',
    },
  },
  (say, { firstName, signInUrl, forgotPasswordUrl }: RegistrationAttemptedData) => ({
    subject: say('subject'),
    greeting: say('greeting', { firstName }),
    blocks: [
      { type: 'paragraph', text: say('attempt') },
      { type: 'paragraph', text: say('ifYou') },
      { type: 'action', label: say('signIn'), url: signInUrl },
      { type: 'action', label: say('reset'), url: forgotPasswordUrl },
      { type: 'paragraph', text: say('ifNotYou') },
    ],
  }),
);
