import { billingGreeting } from './billing-greeting';
import { mailTemplate } from './template';

/**
 * To a company's payment admins and billing addresses: a new invoice, to pay in the portal or
 * charged to the card, with the references the company books it against.
 */
export interface InvoiceIssuedData {
  /** null for a billing address */
  readonly firstName: string | null;
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
  /** as frozen on the invoice; null: none */
  readonly purchaseOrderNumber: string | null;
  /** the distinct cost centres of its lines, comma-separated; null: none */
  readonly costCenters: string | null;
  /** `${publicUrl}/payment/invoices/ID` */
  readonly invoiceUrl: string;
}

export const invoiceIssued = mailTemplate(
  {
    en: {
      subject: 'Invoice {invoiceNumber} for {periodLabel}',
      greeting: 'Hello {firstName},',
      ready: 'The invoice of {companyName} for {periodLabel} is ready.',
      invoice: 'Invoice',
      total: 'Total',
      due: 'Due',
      purchaseOrder: 'Purchase order',
      costCenters: 'Cost centres',
      charged: 'It is charged to the card on file; you do not need to do anything.',
      payInPortal: 'Please pay it in the portal before the due date.',
      view: 'View the invoice',
      pay: 'Pay the invoice',
    },
    nl: {
      subject: 'Factuur {invoiceNumber} over {periodLabel}',
      greeting: 'Beste {firstName},',
      ready: 'De factuur van {companyName} over {periodLabel} staat klaar.',
      invoice: 'Factuur',
      total: 'Totaal',
      due: 'Vervaldatum',
      purchaseOrder: 'Inkoopordernummer',
      costCenters: 'Kostenplaatsen',
      charged:
        'Het bedrag wordt automatisch van de geregistreerde creditcard afgeschreven; u hoeft niets te doen.',
      payInPortal: 'Betaal de factuur vóór de vervaldatum in het portal.',
      view: 'Factuur bekijken',
      pay: 'Factuur betalen',
    },
    sv: {
      subject: 'Faktura {invoiceNumber} för {periodLabel}',
      greeting: 'Hej {firstName},',
      ready: 'Fakturan för {companyName} avseende {periodLabel} är klar.',
      invoice: 'Faktura',
      total: 'Totalt',
      due: 'Förfallodag',
      purchaseOrder: 'Inköpsordernummer',
      costCenters: 'Kostnadsställen',
      charged: 'Beloppet dras från det registrerade kortet; du behöver inte göra något.',
      payInPortal: 'Betala fakturan i portalen före förfallodagen.',
      view: 'Visa fakturan',
      pay: 'Betala fakturan',
    },
    fr: {
      subject: 'Facture {invoiceNumber} pour {periodLabel}',
      greeting: 'Bonjour {firstName},',
      ready: 'La facture de {companyName} pour {periodLabel} est disponible.',
      invoice: 'Facture',
      total: 'Total',
      due: 'Échéance',
      purchaseOrder: 'Bon de commande',
      costCenters: 'Centres de coûts',
      charged: 'Elle est débitée sur la carte enregistrée ; vous n’avez rien à faire.',
      payInPortal: 'Veuillez la régler dans le portail avant la date d’échéance.',
      view: 'Voir la facture',
      pay: 'Payer la facture',
    },
  },
  (say, d: InvoiceIssuedData, locale) => ({
    subject: say('subject', { invoiceNumber: d.invoiceNumber, periodLabel: d.periodLabel }),
    greeting: billingGreeting(say, d.firstName, locale),
    blocks: [
      {
        type: 'paragraph',
        text: say('ready', { companyName: d.companyName, periodLabel: d.periodLabel }),
      },
      {
        type: 'facts',
        rows: [
          [say('invoice'), d.invoiceNumber],
          [say('total'), d.total],
          [say('due'), d.dueDate],
          ...(d.purchaseOrderNumber
            ? [[say('purchaseOrder'), d.purchaseOrderNumber] as const]
            : []),
          ...(d.costCenters ? [[say('costCenters'), d.costCenters] as const] : []),
        ],
      },
      { type: 'paragraph', text: say(d.automatic ? 'charged' : 'payInPortal') },
      { type: 'action', label: say(d.automatic ? 'view' : 'pay'), url: d.invoiceUrl },
    ],
  }),
);
