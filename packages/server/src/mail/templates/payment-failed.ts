import { billingGreeting } from './billing-greeting';
import { mailTemplate } from './template';

/** To a company's payment admins and billing addresses: the automatic payment of an invoice failed. */
export interface PaymentFailedData {
  /** null for a billing address */
  readonly firstName: string | null;
  readonly invoiceNumber: string;
  readonly total: string;
  /** the provider's reason, e.g. "Your card was declined." */
  readonly reason: string;
  /** formatted date of the next automatic try, or null after the last one */
  readonly nextAttempt: string | null;
  /** `${publicUrl}/payment/invoices/ID` */
  readonly invoiceUrl: string;
}

export const paymentFailed = mailTemplate(
  {
    en: {
      subject: 'Payment of invoice {invoiceNumber} failed',
      greeting: 'Hello {firstName},',
      failed: 'We could not charge {total} for invoice {invoiceNumber} to the card on file.',
      nextAttempt:
        'We will try again on {nextAttempt}. You can also pay now or update the card in the portal.',
      lastAttempt:
        'This was the last automatic try. Please pay the invoice in the portal or update the card to avoid a suspension of the account.',
      action: 'Pay or update the card',
    },
    nl: {
      subject: 'Betaling van factuur {invoiceNumber} mislukt',
      greeting: 'Beste {firstName},',
      failed:
        'We konden {total} voor factuur {invoiceNumber} niet van de geregistreerde creditcard afschrijven.',
      nextAttempt:
        'We proberen het opnieuw op {nextAttempt}. U kunt ook nu betalen of de kaart bijwerken in het portal.',
      lastAttempt:
        'Dit was de laatste automatische poging. Betaal de factuur in het portal of werk de kaart bij om opschorting van het account te voorkomen.',
      action: 'Betalen of kaart bijwerken',
    },
    sv: {
      subject: 'Betalningen av faktura {invoiceNumber} misslyckades',
      greeting: 'Hej {firstName},',
      failed: 'Vi kunde inte dra {total} för faktura {invoiceNumber} från det registrerade kortet.',
      nextAttempt:
        'Vi försöker igen den {nextAttempt}. Du kan också betala nu eller uppdatera kortet i portalen.',
      lastAttempt:
        'Detta var det sista automatiska försöket. Betala fakturan i portalen eller uppdatera kortet för att undvika att kontot stängs av.',
      action: 'Betala eller uppdatera kortet',
    },
    fr: {
      subject: 'Échec du paiement de la facture {invoiceNumber}',
      greeting: 'Bonjour {firstName},',
      failed:
        'Nous n’avons pas pu débiter {total} pour la facture {invoiceNumber} sur la carte enregistrée.',
      nextAttempt:
        'Nous réessaierons le {nextAttempt}. Vous pouvez aussi payer maintenant ou mettre à jour la carte dans le portail.',
      lastAttempt:
        'C’était la dernière tentative automatique. Veuillez régler la facture dans le portail ou mettre à jour la carte pour éviter la suspension du compte.',
      action: 'Payer ou mettre à jour la carte',
    },
  },
  (say, d: PaymentFailedData, locale) => ({
    subject: say('subject', { invoiceNumber: d.invoiceNumber }),
    greeting: billingGreeting(say, d.firstName, locale),
    blocks: [
      {
        type: 'paragraph',
        text: say('failed', { total: d.total, invoiceNumber: d.invoiceNumber }),
      },
      { type: 'quote', text: d.reason },
      {
        type: 'paragraph',
        text: d.nextAttempt
          ? say('nextAttempt', { nextAttempt: d.nextAttempt })
          : say('lastAttempt'),
      },
      { type: 'action', label: say('action'), url: d.invoiceUrl },
    ],
  }),
);
