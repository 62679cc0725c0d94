import PDFDocument from 'pdfkit';
import type { Locale, Localized } from '@entry/shared';
import type { SellerConfig } from '../config/config';
import { formatDate, formatMoney } from './invoice-mail';
import type { InvoiceLineEntity } from './invoice-line.entity';
import type { InvoiceEntity } from './invoice.entity';
import { InvoiceStatus } from './invoice.entity';

type Label =
  | 'invoice'
  | 'number'
  | 'issued'
  | 'due'
  | 'period'
  | 'billedTo'
  | 'vatNumber'
  | 'site'
  | 'users'
  | 'unitPrice'
  | 'amount'
  | 'subtotal'
  | 'vat'
  | 'total'
  | 'reverseCharge'
  | 'paid'
  | 'automatic'
  | 'manual'
  | 'proration'
  | 'outsideVat'
  | 'purchaseOrder'
  | 'costCenter'
  | 'sentTo';

const LABELS: Readonly<Record<Label, Localized>> = {
  invoice: { en: 'Invoice', nl: 'Factuur', sv: 'Faktura', fr: 'Facture' },
  number: {
    en: 'Invoice number',
    nl: 'Factuurnummer',
    sv: 'Fakturanummer',
    fr: 'Numéro de facture',
  },
  issued: { en: 'Invoice date', nl: 'Factuurdatum', sv: 'Fakturadatum', fr: 'Date de facture' },
  due: { en: 'Due date', nl: 'Vervaldatum', sv: 'Förfallodag', fr: 'Échéance' },
  period: { en: 'Period', nl: 'Periode', sv: 'Period', fr: 'Période' },
  billedTo: { en: 'Billed to', nl: 'Gefactureerd aan', sv: 'Faktureras till', fr: 'Facturé à' },
  vatNumber: { en: 'VAT number', nl: 'Btw-nummer', sv: 'Momsreg.nr', fr: 'N° de TVA' },
  site: { en: 'Site', nl: 'Locatie', sv: 'Anläggning', fr: 'Site' },
  users: {
    en: 'Entry app users',
    nl: 'Entry app-gebruikers',
    sv: 'Entry-appanvändare',
    fr: "Utilisateurs de l'app Entry",
  },
  unitPrice: {
    en: 'Price per user per month',
    nl: 'Prijs per gebruiker per maand',
    sv: 'Pris per användare och månad',
    fr: 'Prix par utilisateur et par mois',
  },
  amount: { en: 'Amount', nl: 'Bedrag', sv: 'Belopp', fr: 'Montant' },
  subtotal: { en: 'Subtotal', nl: 'Subtotaal', sv: 'Delsumma', fr: 'Sous-total' },
  vat: { en: 'VAT', nl: 'Btw', sv: 'Moms', fr: 'TVA' },
  total: { en: 'Total', nl: 'Totaal', sv: 'Totalt', fr: 'Total' },
  reverseCharge: {
    en: 'VAT reverse charge: the customer accounts for the VAT (Article 196, Directive 2006/112/EC).',
    nl: 'Btw verlegd: de afnemer draagt de btw af (artikel 196, Richtlijn 2006/112/EG).',
    sv: 'Omvänd skattskyldighet: köparen redovisar momsen (artikel 196, direktiv 2006/112/EG).',
    fr: 'Autoliquidation : la TVA est due par le preneur (article 196, directive 2006/112/CE).',
  },
  paid: { en: 'Paid on', nl: 'Betaald op', sv: 'Betald den', fr: 'Payée le' },
  automatic: {
    en: 'Paid automatically by card.',
    nl: 'Automatisch betaald per creditcard.',
    sv: 'Betalas automatiskt med kort.',
    fr: 'Payée automatiquement par carte.',
  },
  manual: {
    en: 'Please pay in the portal before the due date.',
    nl: 'Betaal vóór de vervaldatum in het portal.',
    sv: 'Betala i portalen före förfallodagen.',
    fr: 'Veuillez payer dans le portail avant l’échéance.',
  },
  proration: {
    en: 'Each user is billed for the days they were active at the site during the month.',
    nl: 'Elke gebruiker wordt gefactureerd voor de dagen dat hij of zij in de maand actief was op de locatie.',
    sv: 'Varje användare debiteras för de dagar hen var aktiv på anläggningen under månaden.',
    fr: 'Chaque utilisateur est facturé pour les jours où il était actif sur le site au cours du mois.',
  },
  outsideVat: {
    en: 'VAT not applicable.',
    nl: 'Btw niet van toepassing.',
    sv: 'Moms ej tillämplig.',
    fr: 'TVA non applicable.',
  },
  purchaseOrder: {
    en: 'Purchase order',
    nl: 'Inkoopordernummer',
    sv: 'Inköpsordernummer',
    fr: 'Bon de commande',
  },
  costCenter: {
    en: 'Cost centre',
    nl: 'Kostenplaats',
    sv: 'Kostnadsställe',
    fr: 'Centre de coûts',
  },
  sentTo: { en: 'Sent to', nl: 'Verzonden aan', sv: 'Skickad till', fr: 'Envoyée à' },
};

// The PDF's built-in fonts speak WinAnsi: replace the narrow no-break space some locales use
// in numbers (fr, sv) with an ordinary no-break space, which they have.
const pdfText = (text: string) => text.replace(/\u202f/g, '\u00a0');

/** The invoice as a PDF in the given language, streamed into `out`. */
export function renderInvoicePdf(
  out: NodeJS.WritableStream,
  invoice: InvoiceEntity,
  lines: readonly InvoiceLineEntity[],
  seller: SellerConfig,
  locale: Locale,
  options: { compress?: boolean } = {},
): void {
  const label = (name: Label) => LABELS[name][locale];
  const money = (amount: number) => pdfText(formatMoney(amount, invoice.currency, locale));
  const date = (value: Date) => pdfText(formatDate(value, locale));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    info: { Title: `${label('invoice')} ${invoice.number}`, Author: seller.name },
  });
  doc.pipe(out);

  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(`${label('invoice')} ${invoice.number}`);
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  doc
    .text(seller.name)
    .text(seller.address)
    .text(`${label('vatNumber')}: ${seller.vatNumber}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text(label('billedTo')).font('Helvetica');
  doc.text(invoice.customerName).text(invoice.customerAddress).text(invoice.customerCountry);
  if (invoice.customerVatNumber) doc.text(`${label('vatNumber')}: ${invoice.customerVatNumber}`);
  // the references as frozen at issue: what the customer's accounts payable books it against
  if (invoice.billingEmails?.length)
    doc.text(`${label('sentTo')}: ${pdfText(invoice.billingEmails.join(', '))}`);
  doc.moveDown();
  doc.text(`${label('number')}: ${invoice.number}`);
  doc.text(`${label('issued')}: ${date(invoice.issuedAt)}`);
  doc.text(`${label('due')}: ${date(invoice.dueAt)}`);
  doc.text(`${label('period')}: ${invoice.periodStart} – ${invoice.periodEnd}`);
  if (invoice.purchaseOrderNumber)
    doc.text(`${label('purchaseOrder')}: ${pdfText(invoice.purchaseOrderNumber)}`);
  doc.moveDown();

  const columns = [50, 270, 360, 460] as const;
  const row = (cells: readonly [string, string, string, string], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    doc.text(cells[0], columns[0], y, { width: 210 });
    const after = doc.y;
    doc.text(cells[1], columns[1], y, { width: 80, align: 'right' });
    doc.text(cells[2], columns[2], y, { width: 90, align: 'right' });
    doc.text(cells[3], columns[3], y, { width: 85, align: 'right' });
    doc.x = columns[0];
    doc.y = Math.max(after, doc.y) + 4;
  };
  row([label('site'), label('users'), label('unitPrice'), label('amount')], true);
  for (const line of lines)
    row([
      pdfText(
        line.costCenter
          ? `${line.description}\n${label('costCenter')}: ${line.costCenter}`
          : line.description,
      ),
      String(line.quantity),
      money(line.unitAmount),
      money(line.amount),
    ]);
  doc.moveDown();
  row(['', '', label('subtotal'), money(invoice.subtotal)]);
  const rate = `${(invoice.taxRateBasisPoints / 100).toLocaleString(locale)} %`;
  row(['', '', `${label('vat')} ${invoice.reverseCharge ? '0 %' : rate}`, money(invoice.tax)]);
  row(['', '', label('total'), money(invoice.total)], true);
  doc.moveDown();
  if (invoice.reverseCharge) doc.text(label('reverseCharge'));
  else if (invoice.taxRateBasisPoints === 0) doc.text(label('outsideVat'));
  doc.text(label('proration'));
  if (invoice.status === InvoiceStatus.PAID && invoice.paidAt)
    doc.text(`${label('paid')} ${date(invoice.paidAt)}`);
  else doc.text(invoice.paymentMethod === 'AUTOMATIC' ? label('automatic') : label('manual'));
  doc.end();
}
