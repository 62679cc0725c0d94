import { mailTemplate } from './template';

/** To a person who asked to reset their password. */
export interface PasswordResetData {
  readonly firstName: string;
  /** `${publicUrl}/reset-password?token=TOKEN` (mailLinks(publicUrl).resetPassword(token)) */
  readonly resetUrl: string;
}

export const passwordReset = mailTemplate(
  {
    en: {
      subject: 'Reset your {product} password',
      greeting: 'Hello {firstName},',
      request: 'We received a request to reset the password of your {product} account.',
      action: 'Choose a new password',
      validity: 'This link is valid for 1 hour.',
      notYou:
        'If you did not ask for this, you can ignore this email: your password stays the same.',
    },
    nl: {
      subject: 'Stel uw {product}-wachtwoord opnieuw in',
      greeting: 'Beste {firstName},',
      request:
        'We hebben een verzoek ontvangen om het wachtwoord van uw {product}-account opnieuw in te stellen.',
      action: 'Nieuw wachtwoord kiezen',
      validity: 'Deze link is 1 uur geldig.',
      notYou:
        'Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft ongewijzigd.',
    },
    sv: {
      subject: 'Återställ ditt lösenord till {product}',
      greeting: 'Hej {firstName},',
      request: 'Vi har fått en begäran om att återställa lösenordet till ditt konto i {product}.',
      action: 'Välj ett nytt lösenord',
      validity: 'Länken är giltig i 1 timme.',
      notYou:
        'Om du inte har bett om detta kan du bortse från det här mejlet. Ditt lösenord förblir oförändrat.',
    },
    fr: {
      subject: 'Réinitialisation de votre mot de passe {product}',
      greeting: 'Bonjour {firstName},',
      request:
        'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte {product}.',
      action: 'Choisir un nouveau mot de passe',
      validity: 'Ce lien est valable 1 heure.',
      notYou:
        'Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail : votre mot de passe reste inchangé.',
    },
  },
  (say, { firstName, resetUrl }: PasswordResetData) => ({
    subject: say('subject'),
    greeting: say('greeting', { firstName }),
    blocks: [
      { type: 'paragraph', text: say('request') },
      { type: 'action', label: say('action'), url: resetUrl },
      { type: 'paragraph', text: say('validity') },
      { type: 'paragraph', text: say('notYou') },
    ],
  }),
);
