import { frenchOf, mailTemplate } from './template';

/** To the person who registered: not approved, with the operator's reason. */
export interface RegistrationRejectedData {
  readonly firstName: string;
  readonly companyName: string;
  /** the operator's words, shown as they wrote them (line breaks kept) */
  readonly reason: string;
}

export const registrationRejected = mailTemplate(
  {
    en: {
      subject: 'Your registration was not approved',
      greeting: 'Hello {firstName},',
      decision:
        'Thank you for your interest in {product}. Unfortunately, we could not approve the registration of {companyName}.',
      reasonIntro: 'The reason given by our team:',
      questions:
        'If you have any questions about this decision, please get in touch with your contact at the vendor.',
    },
    nl: {
      subject: 'Uw registratie is niet goedgekeurd',
      greeting: 'Beste {firstName},',
      decision:
        'Bedankt voor uw interesse in {product}. Helaas kunnen wij de registratie van {companyName} niet goedkeuren.',
      reasonIntro: 'De reden die ons team heeft opgegeven:',
      questions:
        'Heeft u vragen over deze beslissing? Neem dan contact op met uw contactpersoon bij de leverancier.',
    },
    sv: {
      subject: 'Din registrering har inte godkänts',
      greeting: 'Hej {firstName},',
      decision:
        'Tack för ditt intresse för {product}. Tyvärr kan vi inte godkänna registreringen av {companyName}.',
      reasonIntro: 'Vårt team angav följande skäl:',
      questions:
        'Om du har frågor om beslutet är du välkommen att kontakta din kontaktperson hos leverantören.',
    },
    fr: {
      subject: 'Votre inscription n’a pas été approuvée',
      greeting: 'Bonjour {firstName},',
      decision:
        'Merci de l’intérêt que vous portez à {product}. Malheureusement, nous ne pouvons pas approuver l’inscription {ofCompany}.',
      reasonIntro: 'Motif indiqué par notre équipe :',
      questions:
        'Pour toute question concernant cette décision, veuillez contacter votre interlocuteur chez le fournisseur.',
    },
  },
  (say, { firstName, companyName, reason }: RegistrationRejectedData) => ({
    subject: say('subject'),
    greeting: say('greeting', { firstName }),
    blocks: [
      {
        type: 'paragraph',
        text: say('decision', { companyName, ofCompany: frenchOf(companyName) }),
      },
      { type: 'paragraph', text: say('reasonIntro') },
      { type: 'quote', text: reason },
      { type: 'paragraph', text: say('questions') },
    ],
  }),
);
