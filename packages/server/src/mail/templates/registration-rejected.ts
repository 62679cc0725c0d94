import { PRODUCT_NAME } from '../mail-layout';
import { frenchOf, type LocalizedTemplate } from './template';

/** To the person who registered: not approved, with the operator's reason. */
export interface RegistrationRejectedData {
  readonly firstName: string;
  readonly companyName: string;
  /** the operator's words, shown as they wrote them (line breaks kept) */
  readonly reason: string;
}

export const registrationRejected: LocalizedTemplate<RegistrationRejectedData> = {
  en: ({ firstName, companyName, reason }) => ({
    subject: 'Your registration was not approved',
    greeting: `Hello ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Thank you for your interest in ${PRODUCT_NAME}. Unfortunately, we could not approve the registration of ${companyName}.`,
      },
      { type: 'paragraph', text: 'The reason given by our team:' },
      { type: 'quote', text: reason },
      {
        type: 'paragraph',
        text: 'If you have any questions about this decision, please get in touch with your contact at the vendor.',
      },
    ],
  }),
  nl: ({ firstName, companyName, reason }) => ({
    subject: 'Uw registratie is niet goedgekeurd',
    greeting: `Beste ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Bedankt voor uw interesse in ${PRODUCT_NAME}. Helaas kunnen wij de registratie van ${companyName} niet goedkeuren.`,
      },
      { type: 'paragraph', text: 'De reden die ons team heeft opgegeven:' },
      { type: 'quote', text: reason },
      {
        type: 'paragraph',
        text: 'Heeft u vragen over deze beslissing? Neem dan contact op met uw contactpersoon bij de leverancier.',
      },
    ],
  }),
  sv: ({ firstName, companyName, reason }) => ({
    subject: 'Din registrering har inte godkänts',
    greeting: `Hej ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Tack för ditt intresse för ${PRODUCT_NAME}. Tyvärr kan vi inte godkänna registreringen av ${companyName}.`,
      },
      { type: 'paragraph', text: 'Vårt team angav följande skäl:' },
      { type: 'quote', text: reason },
      {
        type: 'paragraph',
        text: 'Om du har frågor om beslutet är du välkommen att kontakta din kontaktperson hos leverantören.',
      },
    ],
  }),
  fr: ({ firstName, companyName, reason }) => ({
    subject: 'Votre inscription n’a pas été approuvée',
    greeting: `Bonjour ${firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Merci de l’intérêt que vous portez à ${PRODUCT_NAME}. Malheureusement, nous ne pouvons pas approuver l’inscription ${frenchOf(companyName)}.`,
      },
      { type: 'paragraph', text: 'Motif indiqué par notre équipe :' },
      { type: 'quote', text: reason },
      {
        type: 'paragraph',
        text: 'Pour toute question concernant cette décision, veuillez contacter votre interlocuteur chez le fournisseur.',
      },
    ],
  }),
};
