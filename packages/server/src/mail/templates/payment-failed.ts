import type { LocalizedTemplate } from './template';

/** To a company's payment admins: the automatic payment of an invoice failed. */
export interface PaymentFailedData {
  readonly firstName: string;
  readonly invoiceNumber: string;
  readonly total: string;
  /** the provider's reason, e.g. "Your card was declined." */
  readonly reason: string;
  /** formatted date of the next automatic try, or null after the last one */
  readonly nextAttempt: string | null;
  /** `${publicUrl}/payment/invoices/ID` */
  readonly invoiceUrl: string;
}

export const paymentFailed: LocalizedTemplate<PaymentFailedData> = {
  en: (d) => ({
    subject: `Payment of invoice ${d.invoiceNumber} failed`,
    greeting: `Hello ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `We could not charge ${d.total} for invoice ${d.invoiceNumber} to the card on file.`,
      },
      { type: 'quote', text: d.reason },
      {
        type: 'paragraph',
        text: d.nextAttempt
          ? `We will try again on ${d.nextAttempt}. You can also pay now or update the card in the portal.`
          : 'This was the last automatic try. Please pay the invoice in the portal or update the card to avoid a suspension of the account.',
      },
      { type: 'action', label: 'Pay or update the card', url: d.invoiceUrl },
    ],
  }),
  nl: (d) => ({
    subject: `Betaling van factuur ${d.invoiceNumber} mislukt`,
    greeting: `Beste ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `We konden ${d.total} voor factuur ${d.invoiceNumber} niet van de geregistreerde creditcard afschrijven.`,
      },
      { type: 'quote', text: d.reason },
      {
        type: 'paragraph',
        text: d.nextAttempt
          ? `We proberen het opnieuw op ${d.nextAttempt}. U kunt ook nu betalen of de kaart bijwerken in het portal.`
          : 'Dit was de laatste automatische poging. Betaal de factuur in het portal of werk de kaart bij om opschorting van het account te voorkomen.',
      },
      { type: 'action', label: 'Betalen of kaart bijwerken', url: d.invoiceUrl },
    ],
  }),
  sv: (d) => ({
    subject: `Betalningen av faktura ${d.invoiceNumber} misslyckades`,
    greeting: `Hej ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Vi kunde inte dra ${d.total} för faktura ${d.invoiceNumber} från det registrerade kortet.`,
      },
      { type: 'quote', text: d.reason },
      {
        type: 'paragraph',
        text: d.nextAttempt
          ? `Vi försöker igen den ${d.nextAttempt}. Du kan också betala nu eller uppdatera kortet i portalen.`
          : 'Detta var det sista automatiska försöket. Betala fakturan i portalen eller uppdatera kortet för att undvika att kontot stängs av.',
      },
      { type: 'action', label: 'Betala eller uppdatera kortet', url: d.invoiceUrl },
    ],
  }),
  fr: (d) => ({
    subject: `Échec du paiement de la facture ${d.invoiceNumber}`,
    greeting: `Bonjour ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Nous n’avons pas pu débiter ${d.total} pour la facture ${d.invoiceNumber} sur la carte enregistrée.`,
      },
      { type: 'quote', text: d.reason },
      {
        type: 'paragraph',
        text: d.nextAttempt
          ? `Nous réessaierons le ${d.nextAttempt}. Vous pouvez aussi payer maintenant ou mettre à jour la carte dans le portail.`
          : 'C’était la dernière tentative automatique. Veuillez régler la facture dans le portail ou mettre à jour la carte pour éviter la suspension du compte.',
      },
      { type: 'action', label: 'Payer ou mettre à jour la carte', url: d.invoiceUrl },
    ],
  }),
};
