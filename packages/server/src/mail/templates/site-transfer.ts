import type { Locale } from '@entry/shared';
import type { MailBlock } from '../mail-layout';
import { mailTemplate, type MailMessages, type Say } from './template';

/*
 * The emails of a site transfer (site-transfers/): the request to the recipient's address, and
 * what became of it to the sender (accepted, declined) or to both (expired). Names people typed
 * (companies, sites) appear in bodies as labelled facts, never in subjects; the sender's message
 * and a decline's reason are quoted as written.
 */

/** To the address a site is offered to. */
export interface SiteTransferRequestedData {
  /** the recipient's first name when the address is a person's; null: nobody we know yet */
  readonly firstName: string | null;
  readonly senderCompanyName: string;
  /** the full name of the person who asked */
  readonly senderName: string;
  readonly siteName: string;
  readonly entryUserCount: number;
  /** the sender's note, as written (line breaks kept) */
  readonly message: string | null;
  /** YYYY-MM-DD: the last day to answer */
  readonly expiresOn: string;
  /** the address is nobody's yet: the link registers a company, with the address filled in */
  readonly register: boolean;
  /** the Transfers page, or the registration form (mailLinks) */
  readonly actionUrl: string;
}

/** To the sender: the receiver took the site. */
export interface SiteTransferAcceptedData {
  readonly firstName: string;
  readonly siteName: string;
  readonly receiverCompanyName: string;
  /** YYYY-MM-DD: the receiver's first billed day; the sender's invoice ends the day before */
  readonly effectiveDate: string;
  readonly entryUserCount: number;
  readonly transfersUrl: string;
}

/** To the sender: the recipient said no. */
export interface SiteTransferDeclinedData {
  readonly firstName: string;
  readonly siteName: string;
  readonly recipientEmail: string;
  /** the recipient's words, as written; null when they gave none */
  readonly reason: string | null;
  readonly transfersUrl: string;
}

/** To both sides: nobody answered within the transfer's days. */
export interface SiteTransferExpiredData {
  /** null: an address that is nobody's yet */
  readonly firstName: string | null;
  /** 'sender': the site stays theirs; 'recipient': the offer is gone */
  readonly side: 'sender' | 'recipient';
  readonly siteName: string;
  /** the sender sees the address they asked, the recipient the sender's company */
  readonly otherParty: string;
  readonly transfersUrl: string;
}

type CommonKey =
  'greeting' | 'greetingUnknown' | 'site' | 'residents' | 'from' | 'to' | 'firstDay' | 'answerBy';

const COMMON: MailMessages<CommonKey> = {
  en: {
    greeting: 'Hello {firstName},',
    greetingUnknown: 'Hello,',
    site: 'Site',
    residents: 'Entry app users',
    from: 'From',
    to: 'To',
    firstDay: 'First day billed to the new company',
    answerBy: 'Answer by',
  },
  nl: {
    greeting: 'Beste {firstName},',
    greetingUnknown: 'Beste heer, mevrouw,',
    site: 'Locatie',
    residents: 'Entry app-gebruikers',
    from: 'Van',
    to: 'Aan',
    firstDay: 'Eerste dag gefactureerd aan het nieuwe bedrijf',
    answerBy: 'Antwoord vóór',
  },
  sv: {
    greeting: 'Hej {firstName},',
    greetingUnknown: 'Hej,',
    site: 'Anläggning',
    residents: 'Entry app-användare',
    from: 'Från',
    to: 'Till',
    firstDay: 'Första dagen som faktureras det nya företaget',
    answerBy: 'Svara senast',
  },
  fr: {
    greeting: 'Bonjour {firstName},',
    greetingUnknown: 'Bonjour,',
    site: 'Site',
    residents: 'Utilisateurs de l’app Entry',
    from: 'De',
    to: 'À',
    firstDay: 'Premier jour facturé à la nouvelle entreprise',
    answerBy: 'Répondre avant le',
  },
};

/** A YYYY-MM-DD day as the recipient's language writes it. */
function longDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );
}

/** The words of one transfer email: its own keys beside the common ones, in every language. */
function withCommon<K extends string>(own: MailMessages<K>): MailMessages<K | CommonKey> {
  return {
    en: { ...COMMON.en, ...own.en },
    nl: { ...COMMON.nl, ...own.nl },
    sv: { ...COMMON.sv, ...own.sv },
    fr: { ...COMMON.fr, ...own.fr },
  };
}

function greeting(say: Say<CommonKey>, firstName: string | null): string {
  return firstName ? say('greeting', { firstName }) : say('greetingUnknown');
}

export const siteTransferRequested = mailTemplate(
  withCommon({
    en: {
      subject: 'A site is being transferred to you',
      offered:
        '{senderName} offers your company a site in {product}, with its Entry app users: once you accept, it is yours to manage and to pay for.',
      theirNote: 'Their note:',
      open: 'See the transfer',
      register: 'Register your company',
      registerFirst:
        'This address has no account in {product} yet. Register your company with it; once it is approved and its billing is set up, the transfer waits for you there.',
      expiry:
        'The offer expires if nobody answers it. If you were not expecting it, you can ignore this email.',
    },
    nl: {
      subject: 'Er wordt een locatie aan u overgedragen',
      offered:
        '{senderName} biedt uw bedrijf een locatie in {product} aan, met de Entry app-gebruikers: zodra u accepteert, beheert en betaalt u haar.',
      theirNote: 'Hun bericht:',
      open: 'Overdracht bekijken',
      register: 'Uw bedrijf registreren',
      registerFirst:
        'Dit adres heeft nog geen account in {product}. Registreer uw bedrijf ermee; zodra het is goedgekeurd en de facturering is ingesteld, wacht de overdracht daar op u.',
      expiry:
        'Het aanbod verloopt als niemand antwoordt. Verwachtte u dit niet? Dan kunt u deze e-mail negeren.',
    },
    sv: {
      subject: 'En anläggning överlåts till dig',
      offered:
        '{senderName} erbjuder ert företag en anläggning i {product}, med dess Entry app-användare: när ni godkänner är den er att hantera och betala för.',
      theirNote: 'Deras meddelande:',
      open: 'Visa överlåtelsen',
      register: 'Registrera ert företag',
      registerFirst:
        'Adressen har inget konto i {product} ännu. Registrera ert företag med den; när det har godkänts och faktureringen är inställd väntar överlåtelsen på er där.',
      expiry:
        'Erbjudandet går ut om ingen svarar. Om du inte väntade dig det kan du bortse från mejlet.',
    },
    fr: {
      subject: 'Un site vous est transféré',
      offered:
        '{senderName} propose à votre entreprise un site dans {product}, avec ses utilisateurs de l’app Entry : une fois accepté, c’est à vous de le gérer et de le payer.',
      theirNote: 'Son message :',
      open: 'Voir le transfert',
      register: 'Inscrire votre entreprise',
      registerFirst:
        'Cette adresse n’a pas encore de compte sur {product}. Inscrivez votre entreprise avec elle ; une fois l’inscription approuvée et la facturation configurée, le transfert vous y attend.',
      expiry:
        'L’offre expire si personne n’y répond. Si vous ne l’attendiez pas, vous pouvez ignorer cet e-mail.',
    },
  }),
  (say, d: SiteTransferRequestedData, locale) => ({
    subject: say('subject'),
    greeting: greeting(say, d.firstName),
    blocks: [
      { type: 'paragraph', text: say('offered', { senderName: d.senderName }) },
      {
        type: 'facts',
        rows: [
          [say('from'), d.senderCompanyName],
          [say('site'), d.siteName],
          [say('residents'), String(d.entryUserCount)],
          [say('answerBy'), longDay(d.expiresOn, locale)],
        ],
      },
      ...(d.message
        ? [
            { type: 'paragraph' as const, text: say('theirNote') },
            { type: 'quote' as const, text: d.message },
          ]
        : []),
      ...(d.register ? [{ type: 'paragraph' as const, text: say('registerFirst') }] : []),
      { type: 'action', label: say(d.register ? 'register' : 'open'), url: d.actionUrl },
      { type: 'paragraph', text: say('expiry') },
    ],
  }),
);

export const siteTransferAccepted = mailTemplate(
  withCommon({
    en: {
      subject: 'Your site transfer was accepted',
      accepted:
        'The site below now belongs to the company that accepted it, with its Entry app users. Your colleagues can no longer open it.',
      billing:
        'Your invoice counts the site’s users up to the day before the first day billed to the new company; their invoice counts them from that day.',
      action: 'See your transfers',
    },
    nl: {
      subject: 'Uw locatie-overdracht is geaccepteerd',
      accepted:
        'De locatie hieronder is nu van het bedrijf dat haar heeft geaccepteerd, met de Entry app-gebruikers. Uw collega’s kunnen haar niet meer openen.',
      billing:
        'Uw factuur telt de gebruikers van de locatie tot de dag vóór de eerste dag die aan het nieuwe bedrijf wordt gefactureerd; hun factuur telt ze vanaf die dag.',
      action: 'Uw overdrachten bekijken',
    },
    sv: {
      subject: 'Din överlåtelse av en anläggning har godkänts',
      accepted:
        'Anläggningen nedan tillhör nu företaget som godkände den, med dess Entry app-användare. Dina kollegor kan inte längre öppna den.',
      billing:
        'Er faktura räknar anläggningens användare till och med dagen före den första dagen som faktureras det nya företaget; deras faktura räknar dem från den dagen.',
      action: 'Visa era överlåtelser',
    },
    fr: {
      subject: 'Votre transfert de site a été accepté',
      accepted:
        'Le site ci-dessous appartient désormais à l’entreprise qui l’a accepté, avec ses utilisateurs de l’app Entry. Vos collègues ne peuvent plus l’ouvrir.',
      billing:
        'Votre facture compte les utilisateurs du site jusqu’à la veille du premier jour facturé à la nouvelle entreprise ; la sienne les compte à partir de ce jour.',
      action: 'Voir vos transferts',
    },
  }),
  (say, d: SiteTransferAcceptedData, locale) => ({
    subject: say('subject'),
    greeting: say('greeting', { firstName: d.firstName }),
    blocks: [
      { type: 'paragraph', text: say('accepted') },
      {
        type: 'facts',
        rows: [
          [say('site'), d.siteName],
          [say('to'), d.receiverCompanyName],
          [say('residents'), String(d.entryUserCount)],
          [say('firstDay'), longDay(d.effectiveDate, locale)],
        ],
      },
      { type: 'paragraph', text: say('billing') },
      { type: 'action', label: say('action'), url: d.transfersUrl },
    ],
  }),
);

export const siteTransferDeclined = mailTemplate(
  withCommon({
    en: {
      subject: 'Your site transfer was declined',
      declined: 'The site below was not accepted: it stays yours, as it was.',
      theirReason: 'Their reason:',
      action: 'See your transfers',
    },
    nl: {
      subject: 'Uw locatie-overdracht is geweigerd',
      declined: 'De locatie hieronder is niet geaccepteerd: ze blijft van u, zoals ze was.',
      theirReason: 'Hun reden:',
      action: 'Uw overdrachten bekijken',
    },
    sv: {
      subject: 'Din överlåtelse av en anläggning har avböjts',
      declined: 'Anläggningen nedan godkändes inte: den förblir er, som den var.',
      theirReason: 'Deras skäl:',
      action: 'Visa era överlåtelser',
    },
    fr: {
      subject: 'Votre transfert de site a été refusé',
      declined: 'Le site ci-dessous n’a pas été accepté : il reste à vous, tel quel.',
      theirReason: 'Motif indiqué :',
      action: 'Voir vos transferts',
    },
  }),
  (say, d: SiteTransferDeclinedData) => {
    const reason: MailBlock[] = d.reason
      ? [
          { type: 'paragraph', text: say('theirReason') },
          { type: 'quote', text: d.reason },
        ]
      : [];
    return {
      subject: say('subject'),
      greeting: say('greeting', { firstName: d.firstName }),
      blocks: [
        { type: 'paragraph', text: say('declined') },
        {
          type: 'facts',
          rows: [
            [say('site'), d.siteName],
            [say('to'), d.recipientEmail],
          ],
        },
        ...reason,
        { type: 'action', label: say('action'), url: d.transfersUrl },
      ],
    };
  },
);

export const siteTransferExpired = mailTemplate(
  withCommon({
    en: {
      subject: 'A site transfer expired',
      senderSide:
        'Nobody answered your transfer of the site below in time, so it expired: the site stays yours. You can ask again.',
      recipientSide:
        'The transfer of the site below to your company expired because nobody answered it in time. Ask the sender to offer it again if you still want it.',
      action: 'See your transfers',
    },
    nl: {
      subject: 'Een locatie-overdracht is verlopen',
      senderSide:
        'Niemand heeft op tijd geantwoord op uw overdracht van de locatie hieronder, dus die is verlopen: de locatie blijft van u. U kunt het opnieuw vragen.',
      recipientSide:
        'De overdracht van de locatie hieronder aan uw bedrijf is verlopen omdat niemand op tijd heeft geantwoord. Vraag de afzender haar opnieuw aan te bieden als u haar nog wilt.',
      action: 'Uw overdrachten bekijken',
    },
    sv: {
      subject: 'En överlåtelse av en anläggning har gått ut',
      senderSide:
        'Ingen svarade i tid på er överlåtelse av anläggningen nedan, så den har gått ut: anläggningen förblir er. Ni kan fråga igen.',
      recipientSide:
        'Överlåtelsen av anläggningen nedan till ert företag har gått ut eftersom ingen svarade i tid. Be avsändaren erbjuda den igen om ni fortfarande vill ha den.',
      action: 'Visa era överlåtelser',
    },
    fr: {
      subject: 'Un transfert de site a expiré',
      senderSide:
        'Personne n’a répondu à temps à votre transfert du site ci-dessous : il a expiré et le site reste à vous. Vous pouvez le proposer à nouveau.',
      recipientSide:
        'Le transfert du site ci-dessous à votre entreprise a expiré faute de réponse à temps. Demandez à l’expéditeur de le proposer à nouveau si vous le souhaitez toujours.',
      action: 'Voir vos transferts',
    },
  }),
  (say, d: SiteTransferExpiredData) => ({
    subject: say('subject'),
    greeting: greeting(say, d.firstName),
    blocks: [
      { type: 'paragraph', text: say(d.side === 'sender' ? 'senderSide' : 'recipientSide') },
      {
        type: 'facts',
        rows: [
          [say('site'), d.siteName],
          [say(d.side === 'sender' ? 'to' : 'from'), d.otherParty],
        ],
      },
      { type: 'action', label: say('action'), url: d.transfersUrl },
    ],
  }),
);
