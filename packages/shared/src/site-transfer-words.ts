// The words of a site transfer's problems, in all four languages: apart from the user-error
// words every page loads (user-error-words/<lng>.ts), since only the transfer pages and the
// server need them (~0.2 kB gzipped less on every page of the web app).
import type { Locale } from './locales';
import type { SiteTransferProblemReason } from './site-transfers';
import { fill, type FieldProblem } from './user-errors';

const WORDS: Readonly<Record<Locale, Readonly<Record<SiteTransferProblemReason, string>>>> = {
  en: {
    TRANSFER_PENDING:
      'This site already has a transfer waiting for an answer. Cancel it first to ask someone else.',
    TRANSFER_NOT_PENDING:
      'This transfer is no longer waiting for an answer: it was accepted, declined or cancelled, or it expired.',
    TRANSFER_NOT_UNDOABLE:
      'Only an accepted transfer can be undone, once, within {days} days of its acceptance.',
    TRANSFER_SITE_MOVED_ON:
      'The receiving company no longer holds this site, so this transfer cannot be undone.',
  },
  nl: {
    TRANSFER_PENDING:
      'Voor deze locatie wacht al een overdracht op antwoord. Annuleer die eerst om het iemand anders te vragen.',
    TRANSFER_NOT_PENDING:
      'Deze overdracht wacht niet meer op antwoord: hij is geaccepteerd, geweigerd, geannuleerd of verlopen.',
    TRANSFER_NOT_UNDOABLE:
      'Alleen een geaccepteerde overdracht kan worden teruggedraaid, één keer, binnen {days} dagen na acceptatie.',
    TRANSFER_SITE_MOVED_ON:
      'Het ontvangende bedrijf heeft deze locatie niet meer, dus deze overdracht kan niet worden teruggedraaid.',
  },
  sv: {
    TRANSFER_PENDING:
      'Anläggningen har redan en överlåtelse som väntar på svar. Avbryt den först för att fråga någon annan.',
    TRANSFER_NOT_PENDING:
      'Överlåtelsen väntar inte längre på svar: den har godkänts, avböjts, avbrutits eller gått ut.',
    TRANSFER_NOT_UNDOABLE:
      'Bara en godkänd överlåtelse kan ångras, en gång, inom {days} dagar efter godkännandet.',
    TRANSFER_SITE_MOVED_ON:
      'Det mottagande företaget har inte längre anläggningen, så överlåtelsen kan inte ångras.',
  },
  fr: {
    TRANSFER_PENDING:
      'Ce site a déjà un transfert en attente de réponse. Annulez-le d’abord pour le proposer à quelqu’un d’autre.',
    TRANSFER_NOT_PENDING:
      'Ce transfert n’attend plus de réponse : il a été accepté, refusé ou annulé, ou il a expiré.',
    TRANSFER_NOT_UNDOABLE:
      'Seul un transfert accepté peut être annulé, une seule fois, dans les {days} jours suivant son acceptation.',
    TRANSFER_SITE_MOVED_ON:
      'L’entreprise destinataire ne détient plus ce site : ce transfert ne peut pas être annulé.',
  },
};

/** The words of a transfer problem's reason (`params.reason`), or null for any other problem. */
export function siteTransferProblemMessage(problem: FieldProblem, locale: Locale): string | null {
  const reason = problem.params?.['reason'];
  if (typeof reason !== 'string' || !(reason in WORDS[locale])) return null;
  return fill(WORDS[locale][reason as SiteTransferProblemReason], problem.params);
}
