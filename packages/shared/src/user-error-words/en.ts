// The words of user errors in English. The web app loads only the language it shows
// (web/src/components/form/user-error-words.ts); the server has all four (problem-messages.ts).
// Typed as full tables: the compiler refuses a language with a gap.
import type { SiteProblemWords } from '../site-problem-words';
import type { UserErrorWords } from '../user-errors';

export const USER_ERROR_WORDS: UserErrorWords = {
  codes: {
    INVALID: 'This value is not valid.',
    REQUIRED: 'This field is required.',
    TOO_LONG: 'Use at most {max} characters.',
    TAKEN: 'This email address is already in use.',
    NOT_FOUND: 'Not found.',
    WEAK_PASSWORD: 'Choose a stronger password.',
    LAST_PAYMENT_ADMIN: 'The company must keep at least one active payment admin.',
    FORBIDDEN_SCOPE: 'Only a payment admin may give a key access to invoices.',
    FORBIDDEN_EVENT: 'Only a payment admin may subscribe to invoice events.',
    LIMIT_REACHED: 'Your company already has the most allowed ({max}). Remove one first.',
    INVALID_CREDENTIALS: 'The email address or password is not correct.',
    THROTTLED: 'Too many attempts. Try again in {minutes} minutes.',
    INVALID_TOKEN: 'This link or temporary password is no longer valid. Ask for a new one.',
    WRONG_PASSWORD: 'Your current password is not correct.',
    INVALID_STATE: 'This is not possible in its current state.',
    CARD_REFUSED: 'The card was refused ({reason}). Try another card.',
    ALREADY_PAID: 'This invoice is already paid.',
    PAYMENT_PENDING: 'A payment of this invoice is being processed. Check again in a minute.',
    INVALID_CODE:
      'This code is not correct or was used already. Enter the current code from your authenticator app, or an unused recovery code.',
    MFA_CHALLENGE_EXPIRED:
      'This sign-in has expired. Sign in again with your email address and password.',
    MFA_REQUIRED: 'Two-factor sign-in is required for your account, so it cannot be turned off.',
    MFA_ALREADY_ENABLED:
      'Two-factor sign-in is already on. Turn it off first to set up another authenticator app.',
    MFA_NOT_ENABLED: 'Two-factor sign-in is not on for your account.',
    MFA_ENROLLMENT_NOT_STARTED:
      'Start setting up two-factor sign-in first, then enter the code your authenticator app shows.',
    PAYMENT_UNAVAILABLE:
      'The payment service cannot be reached right now. Nothing was charged twice; try again shortly.',
    SAME_COMPANY:
      'This address belongs to someone of your own company: a site can only be transferred to another company.',
  },
  fields: {
    email: {
      INVALID: 'Enter an email address like name@example.com.',
    },
    phone: {
      INVALID: 'Enter a phone number with digits, spaces, +, - or brackets.',
    },
    country: {
      INVALID: 'Choose a country from the list.',
    },
    acceptTermsVersion: {
      INVALID: 'The billing terms have changed. Read and accept the current version.',
    },
    paymentMethod: {
      INVALID:
        'System managers pay automatically by card on the 1st of each month; manual payment is for installers.',
    },
    vatNumber: {
      INVALID:
        'This is not a valid VAT number for the country of your company: enter it with its country prefix, e.g. NL004495445B01, and check the digits.',
    },
    invoice: {
      NOT_FOUND: 'No such invoice.',
    },
    // API keys and webhook endpoints (the Integrations page and the partner API)
    scopes: {
      REQUIRED: 'Choose at least one thing the key may do.',
    },
    events: {
      REQUIRED: 'Choose at least one event.',
    },
    expiresAt: {
      INVALID: 'Choose a date in the future, or leave it empty for a key that never expires.',
    },
    overlapHours: {
      INVALID: 'Enter a whole number of hours from 0 to {max}.',
    },
    locale: {
      INVALID: 'Choose English, Dutch, Swedish or French.',
    },
  },
  webhookUrl: {
    INVALID_URL:
      'Enter a full web address starting with https://, e.g. https://erp.example.com/hooks/entry.',
    HTTPS_REQUIRED: 'Use an https:// address: events are only sent encrypted.',
    CREDENTIALS_IN_URL:
      'Leave the user name and password out of the address: check the signature of each event instead.',
    TOO_LONG: 'Use an address of at most {max} characters.',
    PRIVATE_ADDRESS:
      'This address points into a private or local network. Use an address reachable from the internet.',
  },
  weakPassword: {
    TOO_SHORT:
      'Use at least {min} characters. A few unrelated words make a strong password that is easy to remember.',
    TOO_LONG: 'Use at most {max} characters.',
    COMMON: 'This password is on a list of common or leaked passwords. Choose another one.',
    PERSONAL: 'Do not use your name or email address in your password.',
    REPEATED: 'Avoid repeated characters and simple sequences like aaaa or 1234.',
  },
};

export const SITE_PROBLEM_WORDS: SiteProblemWords = {
  SITE_NAME_TAKEN: 'Another site already has this name.',
  SITE_INACTIVE: 'This site is deactivated. Reactivate it first.',
  EMAIL_AT_SITE: 'An Entry app user of this site already has this email address.',
  DUPLICATE_IN_FILE: 'This email address is already on line {line} of the file.',
  MISSING_COLUMN:
    'The file has no “{column}” column. Its first row must name the columns: first_name, last_name, email, apartment.',
  TOO_MANY_ROWS: 'The file has more than {max} rows. Split it into smaller files.',
  EMPTY_FILE: 'The file is empty.',
  UNCLOSED_QUOTE: 'A quote opened on line {line} is never closed.',
  FILE_TOO_LARGE: 'The file is larger than {max} MB. Split it into smaller files.',
  ROW_TOO_LARGE:
    'The row starting on line {line} is larger than {max} KB. Is a quote left open there?',
  UNREADABLE:
    'The file cannot be read as CSV from line {line} on. Save it again as CSV from your spreadsheet.',
  CONFLICT:
    'The users of this site changed during the import. Nothing was imported: please try again.',
};
