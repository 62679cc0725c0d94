import type { LocalizedTemplate } from './template';

/** To a company's payment admins: a new invoice, to pay in the portal or charged to the card. */
export interface InvoiceIssuedData {
  readonly firstName: string;
  readonly companyName: string;
  readonly invoiceNumber: string;
  /** "November 2026", in the recipient's language */
  readonly periodLabel: string;
  /** formatted with its currency, e.g. "€ 31,17" */
  readonly total: string;
  /** formatted date */
  readonly dueDate: string;
  /** true: the card on file is charged; false: pay in the portal */
  readonly automatic: boolean;
  /** `${publicUrl}/payment/invoices/ID` */
  readonly invoiceUrl: string;
}

export const invoiceIssued: LocalizedTemplate<InvoiceIssuedData> = {
  en: (d) => ({
    subject: `Invoice ${d.invoiceNumber} for ${d.periodLabel}`,
    greeting: `Hello ${d.firstName},`,
    blocks: [
      { type: 'paragraph', text: `The invoice of ${d.companyName} for ${d.periodLabel} is ready.` },
      {
        type: 'facts',
        rows: [
          ['Invoice', d.invoiceNumber],
          ['Total', d.total],
          ['Due', d.dueDate],
        ],
      },
      {
        type: 'paragraph',
        text: d.automatic
          ? 'It is charged to the card on file; you do not need to do anything.'
          : 'Please pay it in the portal before the due date.',
      },
      {
        type: 'action',
        label: d.automatic ? 'View the invoice' : 'Pay the invoice',
        url: d.invoiceUrl,
      },
    ],
  }),
  nl: (d) => ({
    subject: `Factuur ${d.invoiceNumber} over ${d.periodLabel}`,
    greeting: `Beste ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `De factuur van ${d.companyName} over ${d.periodLabel} staat klaar.`,
      },
      {
        type: 'facts',
        rows: [
          ['Factuur', d.invoiceNumber],
          ['Totaal', d.total],
          ['Vervaldatum', d.dueDate],
        ],
      },
      {
        type: 'paragraph',
        text: d.automatic
          ? 'Het bedrag wordt automatisch van de geregistreerde creditcard afgeschreven; u hoeft niets te doen.'
          : 'Betaal de factuur vóór de vervaldatum in het portal.',
      },
      {
        type: 'action',
        label: d.automatic ? 'Factuur bekijken' : 'Factuur betalen',
        url: d.invoiceUrl,
      },
    ],
  }),
  sv: (d) => ({
    subject: `Faktura ${d.invoiceNumber} för ${d.periodLabel}`,
    greeting: `Hej ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `Fakturan för ${d.companyName} avseende ${d.periodLabel} är klar.`,
      },
      {
        type: 'facts',
        rows: [
          ['Faktura', d.invoiceNumber],
          ['Totalt', d.total],
          ['Förfallodag', d.dueDate],
        ],
      },
      {
        type: 'paragraph',
        text: d.automatic
          ? 'Beloppet dras från det registrerade kortet; du behöver inte göra något.'
          : 'Betala fakturan i portalen före förfallodagen.',
      },
      {
        type: 'action',
        label: d.automatic ? 'Visa fakturan' : 'Betala fakturan',
        url: d.invoiceUrl,
      },
    ],
  }),
  fr: (d) => ({
    subject: `Facture ${d.invoiceNumber} pour ${d.periodLabel}`,
    greeting: `Bonjour ${d.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `La facture de ${d.companyName} pour ${d.periodLabel} est disponible.`,
      },
      {
        type: 'facts',
        rows: [
          ['Facture', d.invoiceNumber],
          ['Total', d.total],
          ['Échéance', d.dueDate],
        ],
      },
      {
        type: 'paragraph',
        text: d.automatic
          ? 'Elle est débitée sur la carte enregistrée ; vous n’avez rien à faire.'
          : 'Veuillez la régler dans le portail avant la date d’échéance.',
      },
      {
        type: 'action',
        label: d.automatic ? 'Voir la facture' : 'Payer la facture',
        url: d.invoiceUrl,
      },
    ],
  }),
};
