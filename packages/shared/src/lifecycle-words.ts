// The words of the billing lifecycle's problems (move dates, billing emails), in all four
// languages: apart from the user-error words every page loads (user-error-words/<lng>.ts), since
// only the Entry app user and billing details forms and the server need them.
import { UserErrorCode } from './error-codes';
import type { Locale } from './locales';
import type { MoveDateProblemReason } from './move-dates';
import { fill, type FieldProblem } from './user-errors';
import { LIMITS } from './validation';

interface LifecycleWords {
  /** a move date that is not a day written YYYY-MM-DD */
  readonly aDay: string;
  /** a billing email address that is not one */
  readonly billingEmail: string;
  /** more billing email addresses than LIMITS.billingEmails ({max}) */
  readonly billingEmailsLimit: string;
  readonly reasons: Readonly<Record<MoveDateProblemReason, string>>;
}

const WORDS: Readonly<Record<Locale, LifecycleWords>> = {
  en: {
    aDay: 'Enter a day as YYYY-MM-DD, e.g. 2027-03-31.',
    billingEmail: 'Enter an email address like name@example.com.',
    billingEmailsLimit: 'Enter at most {max} billing email addresses.',
    reasons: {
      MOVE_OUT_BEFORE_MOVE_IN: 'The move-out date cannot be before the move-in date.',
      MOVE_OUT_IN_PAST:
        'The move-out date has passed. To remove the user today, remove them instead.',
      ALREADY_MOVED_IN: 'The user has moved in already: the move-in date can no longer change.',
    },
  },
  nl: {
    aDay: 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2027-03-31.',
    billingEmail: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    billingEmailsLimit: 'Vul hoogstens {max} factuuradressen in.',
    reasons: {
      MOVE_OUT_BEFORE_MOVE_IN: 'De vertrekdatum kan niet vóór de intrekdatum liggen.',
      MOVE_OUT_IN_PAST:
        'De vertrekdatum is al voorbij. Verwijder de gebruiker als hij of zij vandaag vertrekt.',
      ALREADY_MOVED_IN: 'De gebruiker is al ingetrokken: de intrekdatum kan niet meer veranderen.',
    },
  },
  sv: {
    aDay: 'Ange ett datum som ÅÅÅÅ-MM-DD, t.ex. 2027-03-31.',
    billingEmail: 'Ange en e-postadress som namn@exempel.se.',
    billingEmailsLimit: 'Ange högst {max} e-postadresser för fakturor.',
    reasons: {
      MOVE_OUT_BEFORE_MOVE_IN: 'Utflyttningsdatumet kan inte vara före inflyttningsdatumet.',
      MOVE_OUT_IN_PAST:
        'Utflyttningsdatumet har redan passerat. Ta bort användaren om hen flyttar ut i dag.',
      ALREADY_MOVED_IN:
        'Användaren har redan flyttat in: inflyttningsdatumet kan inte längre ändras.',
    },
  },
  fr: {
    aDay: 'Saisissez une date au format AAAA-MM-JJ, par exemple 2027-03-31.',
    billingEmail: 'Saisissez une adresse e-mail du type nom@exemple.fr.',
    billingEmailsLimit: 'Saisissez au plus {max} adresses e-mail de facturation.',
    reasons: {
      MOVE_OUT_BEFORE_MOVE_IN: 'La date de départ ne peut pas précéder la date d’emménagement.',
      MOVE_OUT_IN_PAST:
        'La date de départ est déjà passée. Pour retirer l’utilisateur aujourd’hui, supprimez-le.',
      ALREADY_MOVED_IN:
        'L’utilisateur a déjà emménagé : la date d’emménagement ne peut plus changer.',
    },
  },
};

/** The form's fields and the CSV file's columns that hold a move date. */
const DATE_FIELDS: ReadonlySet<string> = new Set([
  'moveInDate',
  'moveOutDate',
  'move_in_date',
  'move_out_date',
]);

/**
 * The words of a move date or billing email problem, or null for any other problem: its reason
 * (`params.reason`) when it names one, else its field and code. A list item
 * (["input", "billingEmails", "2"]) is worded as its list.
 */
export function lifecycleProblemMessage(problem: FieldProblem, locale: Locale): string | null {
  const words = WORDS[locale];
  const reason = problem.params?.['reason'];
  if (typeof reason === 'string' && reason in words.reasons)
    return fill(words.reasons[reason as MoveDateProblemReason], problem.params);
  if (typeof reason === 'string') return null;
  const field = [...problem.field].reverse().find((part) => !/^\d+$/.test(part)) ?? '';
  if (DATE_FIELDS.has(field) && problem.code === UserErrorCode.INVALID) return words.aDay;
  if (field === 'billingEmails' && problem.code === UserErrorCode.INVALID)
    return words.billingEmail;
  if (field === 'billingEmails' && problem.code === UserErrorCode.LIMIT_REACHED)
    return fill(words.billingEmailsLimit, { max: LIMITS.billingEmails, ...problem.params });
  return null;
}
