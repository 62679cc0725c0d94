import { mailTemplate } from './template';

/**
 * To the address typed in a registration: we have it, approval follows. Anyone can type any
 * address, so the company's name is shown as a labelled value, never woven into our sentences,
 * and the email says what to do when it was not you.
 */
export interface RegistrationReceivedData {
  readonly firstName: string;
  readonly companyName: string;
}

export const registrationReceived = mailTemplate(
  {
    en: {
      subject: 'We have received your registration',
      greeting: 'Hello {firstName},',
      thanks: 'Thank you for registering with {product}.',
      company: 'Company',
      check:
        'Our team checks every new registration before the account is opened. This usually takes no more than one working day.',
      next: 'As soon as your registration has been approved, you will receive another email with a temporary password so that you can sign in.',
      notYou:
        'If you did not register with {product}, someone else typed your address: you can ignore this email.',
    },
    nl: {
      subject: 'We hebben uw registratie ontvangen',
      greeting: 'Beste {firstName},',
      thanks: 'Bedankt voor uw registratie bij {product}.',
      company: 'Bedrijf',
      check:
        'Ons team controleert elke nieuwe registratie voordat het account wordt geopend. Dit duurt meestal niet langer dan één werkdag.',
      next: 'Zodra uw registratie is goedgekeurd, ontvangt u een tweede e-mail met een tijdelijk wachtwoord waarmee u kunt inloggen.',
      notYou:
        'Heeft u zich niet bij {product} geregistreerd? Dan heeft iemand anders uw adres ingevuld en kunt u deze e-mail negeren.',
    },
    sv: {
      subject: 'Vi har tagit emot din registrering',
      greeting: 'Hej {firstName},',
      thanks: 'Tack för din registrering i {product}.',
      company: 'Företag',
      check:
        'Vårt team granskar varje ny registrering innan kontot öppnas. Det tar vanligtvis högst en arbetsdag.',
      next: 'När registreringen har godkänts får du ett nytt mejl med ett tillfälligt lösenord så att du kan logga in.',
      notYou:
        'Om du inte har registrerat dig i {product} har någon annan angett din adress, och du kan bortse från det här mejlet.',
    },
    fr: {
      subject: 'Nous avons bien reçu votre inscription',
      greeting: 'Bonjour {firstName},',
      thanks: 'Merci pour votre inscription sur {product}.',
      company: 'Entreprise',
      check:
        'Notre équipe vérifie chaque nouvelle inscription avant d’ouvrir le compte. Cela prend généralement un jour ouvré au maximum.',
      next: 'Dès que votre inscription aura été approuvée, vous recevrez un second e-mail contenant un mot de passe temporaire pour vous connecter.',
      notYou:
        'Si vous ne vous êtes pas inscrit sur {product}, quelqu’un d’autre a saisi votre adresse : vous pouvez ignorer cet e-mail.',
    },
  },
  (say, { firstName, companyName }: RegistrationReceivedData) => ({
    subject: say('subject'),
    greeting: say('greeting', { firstName }),
    blocks: [
      { type: 'paragraph', text: say('thanks') },
      { type: 'facts', rows: [[say('company'), companyName]] },
      { type: 'paragraph', text: say('check') },
      { type: 'paragraph', text: say('next') },
      { type: 'paragraph', text: say('notYou') },
    ],
  }),
);
