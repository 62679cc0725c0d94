import { billingGreeting } from './billing-greeting';
import { mailTemplate } from './template';

/**
 * To a company's payment admins and billing addresses: an invoice still unpaid on its due date
 * (`stage` due), and again 7 days later (`stage` overdue), with the day suspension would start.
 */
export interface InvoiceReminderData {
  /** null for a billing address */
  readonly firstName: string | null;
  readonly stage: 'due' | 'overdue';
  readonly invoiceNumber: string;
  /** formatted with its currency */
  readonly total: string;
  /** formatted dates */
  readonly dueDate: string;
  readonly suspensionDate: string;
  /** as frozen on the invoice; null: none */
  readonly purchaseOrderNumber: string | null;
  /** `${publicUrl}/payment/invoices/ID` */
  readonly invoiceUrl: string;
}

export const invoiceReminder = mailTemplate(
  {
    en: {
      subjectDue: 'Invoice {invoiceNumber} is due today',
      subjectOverdue: 'Reminder: invoice {invoiceNumber} is overdue',
      greeting: 'Hello {firstName},',
      due: 'Invoice {invoiceNumber} of {total} is due today and has not been paid yet.',
      overdue: 'Invoice {invoiceNumber} of {total} was due on {dueDate} and has not been paid yet.',
      suspension:
        'If it is still unpaid on {suspensionDate}, the account will be suspended: no new sites, Entry app users or invitations until it is paid. Entry app users keep their access in any case.',
      invoice: 'Invoice',
      total: 'Amount',
      dueLabel: 'Due',
      purchaseOrder: 'Purchase order',
      pay: 'Pay the invoice',
    },
    nl: {
      subjectDue: 'Factuur {invoiceNumber} vervalt vandaag',
      subjectOverdue: 'Herinnering: factuur {invoiceNumber} is te laat',
      greeting: 'Beste {firstName},',
      due: 'Factuur {invoiceNumber} van {total} vervalt vandaag en is nog niet betaald.',
      overdue: 'Factuur {invoiceNumber} van {total} verviel op {dueDate} en is nog niet betaald.',
      suspension:
        'Is de factuur op {suspensionDate} nog niet betaald, dan wordt het account opgeschort: geen nieuwe locaties, Entry app-gebruikers of uitnodigingen tot de betaling binnen is. Entry app-gebruikers houden in elk geval toegang.',
      invoice: 'Factuur',
      total: 'Bedrag',
      dueLabel: 'Vervaldatum',
      purchaseOrder: 'Inkoopordernummer',
      pay: 'Factuur betalen',
    },
    sv: {
      subjectDue: 'Faktura {invoiceNumber} förfaller i dag',
      subjectOverdue: 'Påminnelse: faktura {invoiceNumber} är förfallen',
      greeting: 'Hej {firstName},',
      due: 'Faktura {invoiceNumber} på {total} förfaller i dag och är ännu inte betald.',
      overdue: 'Faktura {invoiceNumber} på {total} förföll den {dueDate} och är ännu inte betald.',
      suspension:
        'Är den fortfarande obetald den {suspensionDate} stängs kontot av: inga nya anläggningar, Entry-appanvändare eller inbjudningar förrän den är betald. Entry-appanvändarna behåller sin åtkomst oavsett.',
      invoice: 'Faktura',
      total: 'Belopp',
      dueLabel: 'Förfallodag',
      purchaseOrder: 'Inköpsordernummer',
      pay: 'Betala fakturan',
    },
    fr: {
      subjectDue: 'La facture {invoiceNumber} arrive à échéance aujourd’hui',
      subjectOverdue: 'Rappel : la facture {invoiceNumber} est en retard',
      greeting: 'Bonjour {firstName},',
      due: 'La facture {invoiceNumber} de {total} arrive à échéance aujourd’hui et n’est pas encore payée.',
      overdue:
        'La facture {invoiceNumber} de {total} était due le {dueDate} et n’est pas encore payée.',
      suspension:
        'Si elle est toujours impayée le {suspensionDate}, le compte sera suspendu : pas de nouveaux sites, utilisateurs de l’app Entry ni invitations jusqu’au paiement. Les utilisateurs de l’app Entry gardent leur accès dans tous les cas.',
      invoice: 'Facture',
      total: 'Montant',
      dueLabel: 'Échéance',
      purchaseOrder: 'Bon de commande',
      pay: 'Payer la facture',
    },
  },
  (say, d: InvoiceReminderData, locale) => ({
    subject: say(d.stage === 'due' ? 'subjectDue' : 'subjectOverdue', {
      invoiceNumber: d.invoiceNumber,
    }),
    greeting: billingGreeting(say, d.firstName, locale),
    blocks: [
      {
        type: 'paragraph',
        text: say(d.stage, { invoiceNumber: d.invoiceNumber, total: d.total, dueDate: d.dueDate }),
      },
      {
        type: 'facts',
        rows: [
          [say('invoice'), d.invoiceNumber],
          [say('total'), d.total],
          [say('dueLabel'), d.dueDate],
          ...(d.purchaseOrderNumber
            ? [[say('purchaseOrder'), d.purchaseOrderNumber] as const]
            : []),
        ],
      },
      { type: 'paragraph', text: say('suspension', { suspensionDate: d.suspensionDate }) },
      { type: 'action', label: say('pay'), url: d.invoiceUrl },
    ],
  }),
);
