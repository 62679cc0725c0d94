import { UserErrorCode } from './error-codes';
import type { Locale, Localized } from './locales';
import { userErrorMessage, type FieldProblem } from './user-errors';
import { isValidEmail, LIMITS, normalizeEmail } from './validation';

/** The site form (SiteInput): a name and an optional address. */
export interface SiteInput {
  name: string;
  address?: string | null;
}

/** The Entry app user form (EntryUserInput). */
export interface EntryUserInput {
  firstName: string;
  lastName: string;
  email: string;
  apartment?: string | null;
}

/** Where a problem of a field goes: ['input', 'name'] for forms, ['rows', '12', 'email'] for CSV. */
export type FieldPath = (field: string) => readonly string[];

const inputField: FieldPath = (field) => ['input', field];

function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed : null;
}

/** REQUIRED when blank, TOO_LONG (params.max) past `max`: a required text field's two rules. */
export function requiredText(
  problems: FieldProblem[],
  path: readonly string[],
  value: string,
  max: number,
): void {
  if (!value) problems.push({ field: path, code: UserErrorCode.REQUIRED });
  else if (value.length > max)
    problems.push({ field: path, code: UserErrorCode.TOO_LONG, params: { max } });
}

/** TOO_LONG (params.max) past `max`: an optional text field's rule. */
export function optionalMax(
  problems: FieldProblem[],
  path: readonly string[],
  value: string | null | undefined,
  max: number,
): void {
  if (value && value.length > max)
    problems.push({ field: path, code: UserErrorCode.TOO_LONG, params: { max } });
}

/** Trims (and collapses inner runs of spaces): what gets validated and stored. */
export function normalizeSiteInput(input: SiteInput): SiteInput {
  return { name: input.name.trim().replace(/\s+/g, ' '), address: optionalText(input.address) };
}

/** Every problem of a (normalized) site form at once. Name uniqueness is the server's to check. */
export function validateSiteInput(input: SiteInput, path: FieldPath = inputField): FieldProblem[] {
  const problems: FieldProblem[] = [];
  requiredText(problems, path('name'), input.name, LIMITS.siteName);
  optionalMax(problems, path('address'), input.address, LIMITS.address);
  return problems;
}

export function normalizeEntryUserInput(input: EntryUserInput): EntryUserInput {
  return {
    firstName: input.firstName.trim().replace(/\s+/g, ' '),
    lastName: input.lastName.trim().replace(/\s+/g, ' '),
    email: normalizeEmail(input.email),
    apartment: optionalText(input.apartment),
  };
}

/** Every problem of a (normalized) Entry app user at once; email uniqueness is the server's. */
export function validateEntryUserInput(
  input: EntryUserInput,
  path: FieldPath = inputField,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  requiredText(problems, path('firstName'), input.firstName, LIMITS.personName);
  requiredText(problems, path('lastName'), input.lastName, LIMITS.personName);
  if (!input.email) problems.push({ field: path('email'), code: UserErrorCode.REQUIRED });
  else if (input.email.length > LIMITS.email)
    problems.push({
      field: path('email'),
      code: UserErrorCode.TOO_LONG,
      params: { max: LIMITS.email },
    });
  else if (!isValidEmail(input.email))
    problems.push({ field: path('email'), code: UserErrorCode.INVALID });
  optionalMax(problems, path('apartment'), input.apartment, LIMITS.apartment);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// CSV import and export of Entry app users

/** The columns of the CSV file, as the import page names them, in the template's order. */
export const ENTRY_USER_CSV_COLUMNS = ['first_name', 'last_name', 'email', 'apartment'] as const;
export type EntryUserCsvColumn = (typeof ENTRY_USER_CSV_COLUMNS)[number];

/** Columns a file must have; apartment may be left out. */
export const ENTRY_USER_CSV_REQUIRED_COLUMNS: readonly EntryUserCsvColumn[] = [
  'first_name',
  'last_name',
  'email',
];

/** The EntryUserInput field each column fills. */
export const ENTRY_USER_CSV_FIELDS: Readonly<Record<EntryUserCsvColumn, keyof EntryUserInput>> = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  apartment: 'apartment',
};

/** At most this many data rows per file: beyond it, split the file. */
export const ENTRY_USER_IMPORT_MAX_ROWS = 20_000;

/** A file may be this large (10 MB): 20,000 rows of long names and addresses fit. */
export const ENTRY_USER_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * One line of the file may be this large (64 KB). A row of the longest names, email and
 * apartment is under 2 KB even in four-byte characters; the rest is room for the other columns
 * a spreadsheet carries along (they are read, then ignored).
 */
export const ENTRY_USER_IMPORT_MAX_ROW_BYTES = 64 * 1024;

/** Rows are checked against the database and written in batches of this size. */
export const ENTRY_USER_IMPORT_BATCH = 500;

/** The downloadable template: the header and one example row. */
export const ENTRY_USER_CSV_TEMPLATE =
  'first_name,last_name,email,apartment\r\nAstrid,Lindqvist,astrid.lindqvist@example.com,1102\r\n';

/**
 * Why a problem of the sites feature happened, in `params.reason`: the code stays one of the
 * common ones (apps branch on it), the reason picks the more precise words.
 */
export const SiteProblemReason = {
  /** site name: another site of the company has it (compared without case and accents) */
  SITE_NAME_TAKEN: 'SITE_NAME_TAKEN',
  /** adding users to a deactivated site */
  SITE_INACTIVE: 'SITE_INACTIVE',
  /** email: a current Entry app user of the site has it */
  EMAIL_AT_SITE: 'EMAIL_AT_SITE',
  /** CSV: the same email on an earlier line (params.line) */
  DUPLICATE_IN_FILE: 'DUPLICATE_IN_FILE',
  /** CSV: the header row lacks a column (params.column) */
  MISSING_COLUMN: 'MISSING_COLUMN',
  /** CSV: more rows than ENTRY_USER_IMPORT_MAX_ROWS (params.max) */
  TOO_MANY_ROWS: 'TOO_MANY_ROWS',
  /** CSV: no header, no rows */
  EMPTY_FILE: 'EMPTY_FILE',
  /** CSV: a quote opened on params.line is never closed */
  UNCLOSED_QUOTE: 'UNCLOSED_QUOTE',
  /** CSV: larger than ENTRY_USER_IMPORT_MAX_BYTES (params.max, in MB) */
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** CSV: the row starting on params.line is larger than ENTRY_USER_IMPORT_MAX_ROW_BYTES (params.max, in KB) */
  ROW_TOO_LARGE: 'ROW_TOO_LARGE',
  /** CSV: the file cannot be read as CSV from params.line on */
  UNREADABLE: 'UNREADABLE',
  /** the import raced with another change of the site's users: nothing was written */
  CONFLICT: 'CONFLICT',
  /** requestSiteTransfer: the site already has a pending transfer */
  TRANSFER_PENDING: 'TRANSFER_PENDING',
  /** accept, decline, cancel: the transfer is no longer pending (decided, cancelled or expired) */
  TRANSFER_NOT_PENDING: 'TRANSFER_NOT_PENDING',
  /** undoSiteTransfer: not an accepted transfer within its undo days, or undone already */
  TRANSFER_NOT_UNDOABLE: 'TRANSFER_NOT_UNDOABLE',
  /** undoSiteTransfer: the receiver no longer holds the site (it was transferred on) */
  TRANSFER_SITE_MOVED_ON: 'TRANSFER_SITE_MOVED_ON',
} as const;
export type SiteProblemReason = (typeof SiteProblemReason)[keyof typeof SiteProblemReason];

const REASON_MESSAGES: Readonly<Record<SiteProblemReason, Localized>> = {
  SITE_NAME_TAKEN: {
    en: 'Another site already has this name.',
    nl: 'Een andere locatie heeft deze naam al.',
    sv: 'En annan anläggning har redan det här namnet.',
    fr: 'Un autre site porte déjà ce nom.',
  },
  SITE_INACTIVE: {
    en: 'This site is deactivated. Reactivate it first.',
    nl: 'Deze locatie is gedeactiveerd. Activeer haar eerst opnieuw.',
    sv: 'Anläggningen är inaktiverad. Aktivera den först.',
    fr: "Ce site est désactivé. Réactivez-le d'abord.",
  },
  EMAIL_AT_SITE: {
    en: 'An Entry app user of this site already has this email address.',
    nl: 'Een Entry app-gebruiker van deze locatie heeft dit e-mailadres al.',
    sv: 'En Entry app-användare på anläggningen har redan den här e-postadressen.',
    fr: "Un utilisateur de l'app Entry de ce site a déjà cette adresse e-mail.",
  },
  DUPLICATE_IN_FILE: {
    en: 'This email address is already on line {line} of the file.',
    nl: 'Dit e-mailadres staat al op regel {line} van het bestand.',
    sv: 'E-postadressen finns redan på rad {line} i filen.',
    fr: 'Cette adresse e-mail figure déjà à la ligne {line} du fichier.',
  },
  MISSING_COLUMN: {
    en: 'The file has no “{column}” column. Its first row must name the columns: first_name, last_name, email, apartment.',
    nl: 'Het bestand heeft geen kolom “{column}”. De eerste regel moet de kolommen noemen: first_name, last_name, email, apartment.',
    sv: 'Filen saknar kolumnen ”{column}”. Första raden ska namnge kolumnerna: first_name, last_name, email, apartment.',
    fr: 'Le fichier n’a pas de colonne « {column} ». Sa première ligne doit nommer les colonnes : first_name, last_name, email, apartment.',
  },
  TOO_MANY_ROWS: {
    en: 'The file has more than {max} rows. Split it into smaller files.',
    nl: 'Het bestand heeft meer dan {max} regels. Verdeel het over kleinere bestanden.',
    sv: 'Filen har fler än {max} rader. Dela upp den i mindre filer.',
    fr: 'Le fichier contient plus de {max} lignes. Divisez-le en fichiers plus petits.',
  },
  EMPTY_FILE: {
    en: 'The file is empty.',
    nl: 'Het bestand is leeg.',
    sv: 'Filen är tom.',
    fr: 'Le fichier est vide.',
  },
  UNCLOSED_QUOTE: {
    en: 'A quote opened on line {line} is never closed.',
    nl: 'Een aanhalingsteken op regel {line} wordt nergens gesloten.',
    sv: 'Ett citattecken på rad {line} avslutas aldrig.',
    fr: 'Un guillemet ouvert à la ligne {line} n’est jamais fermé.',
  },
  FILE_TOO_LARGE: {
    en: 'The file is larger than {max} MB. Split it into smaller files.',
    nl: 'Het bestand is groter dan {max} MB. Verdeel het over kleinere bestanden.',
    sv: 'Filen är större än {max} MB. Dela upp den i mindre filer.',
    fr: 'Le fichier dépasse {max} Mo. Divisez-le en fichiers plus petits.',
  },
  ROW_TOO_LARGE: {
    en: 'The row starting on line {line} is larger than {max} KB. Is a quote left open there?',
    nl: 'De rij op regel {line} is groter dan {max} KB. Staat daar een aanhalingsteken open?',
    sv: 'Raden på rad {line} är större än {max} kB. Står ett citattecken öppet där?',
    fr: 'La ligne {line} dépasse {max} Ko. Un guillemet y est-il resté ouvert ?',
  },
  UNREADABLE: {
    en: 'The file cannot be read as CSV from line {line} on. Save it again as CSV from your spreadsheet.',
    nl: 'Het bestand is vanaf regel {line} niet als CSV te lezen. Sla het opnieuw op als CSV vanuit uw spreadsheet.',
    sv: 'Filen kan inte läsas som CSV från rad {line}. Spara den som CSV igen från ditt kalkylprogram.',
    fr: 'Le fichier ne peut pas être lu comme CSV à partir de la ligne {line}. Enregistrez-le de nouveau en CSV depuis votre tableur.',
  },
  TRANSFER_PENDING: {
    en: 'This site already has a transfer waiting for an answer. Cancel it first to ask someone else.',
    nl: 'Voor deze locatie wacht al een overdracht op antwoord. Annuleer die eerst om het iemand anders te vragen.',
    sv: 'Anläggningen har redan en överlåtelse som väntar på svar. Avbryt den först för att fråga någon annan.',
    fr: 'Ce site a déjà un transfert en attente de réponse. Annulez-le d’abord pour le proposer à quelqu’un d’autre.',
  },
  TRANSFER_NOT_PENDING: {
    en: 'This transfer is no longer waiting for an answer: it was accepted, declined or cancelled, or it expired.',
    nl: 'Deze overdracht wacht niet meer op antwoord: hij is geaccepteerd, geweigerd, geannuleerd of verlopen.',
    sv: 'Överlåtelsen väntar inte längre på svar: den har godkänts, avböjts, avbrutits eller gått ut.',
    fr: 'Ce transfert n’attend plus de réponse : il a été accepté, refusé ou annulé, ou il a expiré.',
  },
  TRANSFER_NOT_UNDOABLE: {
    en: 'Only an accepted transfer can be undone, once, within {days} days of its acceptance.',
    nl: 'Alleen een geaccepteerde overdracht kan worden teruggedraaid, één keer, binnen {days} dagen na acceptatie.',
    sv: 'Bara en godkänd överlåtelse kan ångras, en gång, inom {days} dagar efter godkännandet.',
    fr: 'Seul un transfert accepté peut être annulé, une seule fois, dans les {days} jours suivant son acceptation.',
  },
  TRANSFER_SITE_MOVED_ON: {
    en: 'The receiving company no longer holds this site, so this transfer cannot be undone.',
    nl: 'Het ontvangende bedrijf heeft deze locatie niet meer, dus deze overdracht kan niet worden teruggedraaid.',
    sv: 'Det mottagande företaget har inte längre anläggningen, så överlåtelsen kan inte ångras.',
    fr: 'L’entreprise destinataire ne détient plus ce site : ce transfert ne peut pas être annulé.',
  },
  CONFLICT: {
    en: 'The users of this site changed during the import. Nothing was imported: please try again.',
    nl: 'De gebruikers van deze locatie zijn tijdens het importeren gewijzigd. Er is niets geïmporteerd: probeer het opnieuw.',
    sv: 'Anläggningens användare ändrades under importen. Inget importerades: försök igen.',
    fr: "Les utilisateurs de ce site ont changé pendant l'import. Rien n'a été importé : veuillez réessayer.",
  },
};

function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The words for a problem of the sites feature: the precise ones when `params.reason` names one,
 * else the common message of its code. Form and API use it alike.
 */
export function siteProblemMessage(problem: FieldProblem, locale: Locale): string {
  const reason = problem.params?.['reason'];
  if (typeof reason === 'string' && reason in REASON_MESSAGES)
    return fill(REASON_MESSAGES[reason as SiteProblemReason][locale], problem.params);
  return userErrorMessage(problem, locale);
}
