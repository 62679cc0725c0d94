import { billingGreeting } from './billing-greeting';
import { mailTemplate } from './template';

/**
 * To a company's payment admins and billing addresses: the account is suspended (an invoice
 * unpaid 14 days after its due date), or restored (nothing is overdue any more).
 */
export interface AccountSuspendedData {
  /** null for a billing address */
  readonly firstName: string | null;
  readonly companyName: string;
  /** the numbers of the invoices overdue, comma-separated */
  readonly invoiceNumbers: string;
  /** what is overdue in all, formatted with its currency */
  readonly total: string;
  /** `${publicUrl}/payment` */
  readonly paymentUrl: string;
}

export interface AccountRestoredData {
  readonly firstName: string | null;
  readonly companyName: string;
  /** `${publicUrl}/` */
  readonly portalUrl: string;
}

export const accountSuspended = mailTemplate(
  {
    en: {
      subject: 'Your account is suspended for an unpaid invoice',
      greeting: 'Hello {firstName},',
      suspended:
        'The account of {companyName} is suspended because an invoice is still unpaid 14 days after its due date.',
      meaning:
        'Until it is paid, no sites, Entry app users or colleagues can be added. Everything else keeps working, and Entry app users keep opening their doors.',
      restore: 'Paying what is overdue by card in the portal restores the account at once.',
      invoices: 'Invoices',
      total: 'Overdue',
      pay: 'Pay now',
    },
    nl: {
      subject: 'Uw account is opgeschort vanwege een onbetaalde factuur',
      greeting: 'Beste {firstName},',
      suspended:
        'Het account van {companyName} is opgeschort omdat een factuur 14 dagen na de vervaldatum nog niet betaald is.',
      meaning:
        'Tot de betaling binnen is, kunnen er geen locaties, Entry app-gebruikers of collega’s worden toegevoegd. Al het andere blijft werken, en Entry app-gebruikers blijven hun deuren openen.',
      restore:
        'Betaalt u het achterstallige bedrag per creditcard in het portal, dan is het account meteen weer actief.',
      invoices: 'Facturen',
      total: 'Te laat',
      pay: 'Nu betalen',
    },
    sv: {
      subject: 'Ert konto är avstängt på grund av en obetald faktura',
      greeting: 'Hej {firstName},',
      suspended:
        'Kontot för {companyName} är avstängt eftersom en faktura fortfarande är obetald 14 dagar efter förfallodagen.',
      meaning:
        'Tills den är betald kan inga anläggningar, Entry-appanvändare eller kollegor läggas till. Allt annat fungerar som vanligt, och Entry-appanvändarna fortsätter att öppna sina dörrar.',
      restore: 'Betalar ni det förfallna med kort i portalen återställs kontot direkt.',
      invoices: 'Fakturor',
      total: 'Förfallet',
      pay: 'Betala nu',
    },
    fr: {
      subject: 'Votre compte est suspendu pour une facture impayée',
      greeting: 'Bonjour {firstName},',
      suspended:
        'Le compte de {companyName} est suspendu car une facture est toujours impayée 14 jours après son échéance.',
      meaning:
        'Jusqu’au paiement, aucun site, utilisateur de l’app Entry ni collègue ne peut être ajouté. Tout le reste continue de fonctionner, et les utilisateurs de l’app Entry continuent d’ouvrir leurs portes.',
      restore:
        'Le paiement par carte de ce qui est en retard, dans le portail, rétablit le compte immédiatement.',
      invoices: 'Factures',
      total: 'En retard',
      pay: 'Payer maintenant',
    },
  },
  (say, d: AccountSuspendedData, locale) => ({
    subject: say('subject'),
    greeting: billingGreeting(say, d.firstName, locale),
    blocks: [
      { type: 'paragraph', text: say('suspended', { companyName: d.companyName }) },
      {
        type: 'facts',
        rows: [
          [say('invoices'), d.invoiceNumbers],
          [say('total'), d.total],
        ],
      },
      { type: 'paragraph', text: say('meaning') },
      { type: 'paragraph', text: say('restore') },
      { type: 'action', label: say('pay'), url: d.paymentUrl },
    ],
  }),
);

export const accountRestored = mailTemplate(
  {
    en: {
      subject: 'Your account is fully restored',
      greeting: 'Hello {firstName},',
      restored:
        'Thank you for your payment. Nothing is overdue any more, and the account of {companyName} is fully restored: sites, Entry app users and colleagues can be added again.',
      open: 'Open the portal',
    },
    nl: {
      subject: 'Uw account is weer volledig actief',
      greeting: 'Beste {firstName},',
      restored:
        'Bedankt voor uw betaling. Er staat niets meer open na de vervaldatum en het account van {companyName} is weer volledig actief: locaties, Entry app-gebruikers en collega’s kunnen weer worden toegevoegd.',
      open: 'Portal openen',
    },
    sv: {
      subject: 'Ert konto är helt återställt',
      greeting: 'Hej {firstName},',
      restored:
        'Tack för betalningen. Inget är förfallet längre, och kontot för {companyName} är helt återställt: anläggningar, Entry-appanvändare och kollegor kan läggas till igen.',
      open: 'Öppna portalen',
    },
    fr: {
      subject: 'Votre compte est entièrement rétabli',
      greeting: 'Bonjour {firstName},',
      restored:
        'Merci pour votre paiement. Plus rien n’est en retard et le compte de {companyName} est entièrement rétabli : sites, utilisateurs de l’app Entry et collègues peuvent de nouveau être ajoutés.',
      open: 'Ouvrir le portail',
    },
  },
  (say, d: AccountRestoredData, locale) => ({
    subject: say('subject'),
    greeting: billingGreeting(say, d.firstName, locale),
    blocks: [
      { type: 'paragraph', text: say('restored', { companyName: d.companyName }) },
      { type: 'action', label: say('open'), url: d.portalUrl },
    ],
  }),
);
