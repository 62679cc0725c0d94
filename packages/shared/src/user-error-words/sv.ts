// The words of user errors in Swedish. The web app loads only the language it shows
// (web/src/components/form/user-error-words.ts); the server has all four (problem-messages.ts).
// Typed as full tables: the compiler refuses a language with a gap.
import type { SiteProblemWords } from '../site-problem-words';
import type { UserErrorWords } from '../user-errors';

export const USER_ERROR_WORDS: UserErrorWords = {
  codes: {
    INVALID: 'Värdet är ogiltigt.',
    REQUIRED: 'Fältet är obligatoriskt.',
    TOO_LONG: 'Använd högst {max} tecken.',
    TAKEN: 'E-postadressen används redan.',
    NOT_FOUND: 'Hittades inte.',
    WEAK_PASSWORD: 'Välj ett starkare lösenord.',
    LAST_PAYMENT_ADMIN: 'Företaget måste ha minst en aktiv betalningsadmin kvar.',
    FORBIDDEN_SCOPE: 'Endast en betalningsadmin kan ge en nyckel åtkomst till fakturor.',
    FORBIDDEN_EVENT: 'Endast en betalningsadmin kan prenumerera på fakturahändelser.',
    LIMIT_REACHED: 'Ert företag har redan så många som tillåts ({max}). Ta bort en först.',
    INVALID_CREDENTIALS: 'E-postadressen eller lösenordet är fel.',
    THROTTLED: 'För många försök. Försök igen om {minutes} minuter.',
    INVALID_TOKEN: 'Länken eller det tillfälliga lösenordet gäller inte längre. Begär ett nytt.',
    WRONG_PASSWORD: 'Ditt nuvarande lösenord är fel.',
    INVALID_STATE: 'Det går inte i nuvarande läge.',
    CARD_REFUSED: 'Kortet nekades ({reason}). Försök med ett annat kort.',
    ALREADY_PAID: 'Fakturan är redan betald.',
    PAYMENT_PENDING: 'En betalning av fakturan behandlas redan. Kontrollera igen om en minut.',
    INVALID_CODE:
      'Koden är fel eller har redan använts. Ange den aktuella koden från din autentiseringsapp, eller en oanvänd återställningskod.',
    MFA_CHALLENGE_EXPIRED:
      'Inloggningen har gått ut. Logga in igen med din e-postadress och ditt lösenord.',
    MFA_REQUIRED: 'Tvåstegsinloggning krävs för ditt konto och kan därför inte stängas av.',
    MFA_ALREADY_ENABLED:
      'Tvåstegsinloggning är redan på. Stäng av den först för att konfigurera en annan autentiseringsapp.',
    MFA_NOT_ENABLED: 'Tvåstegsinloggning är inte på för ditt konto.',
    MFA_ENROLLMENT_NOT_STARTED:
      'Börja med att konfigurera tvåstegsinloggning och ange sedan koden som din autentiseringsapp visar.',
    PAYMENT_UNAVAILABLE:
      'Betaltjänsten kan inte nås just nu. Inget har dragits två gånger; försök igen om en stund.',
    SAME_COMPANY:
      'Adressen tillhör någon i ert eget företag: en anläggning kan bara överlåtas till ett annat företag.',
  },
  fields: {
    email: {
      INVALID: 'Ange en e-postadress som namn@exempel.se.',
    },
    phone: {
      INVALID: 'Ange ett telefonnummer med siffror, mellanslag, +, - eller parenteser.',
    },
    country: {
      INVALID: 'Välj ett land i listan.',
    },
    acceptTermsVersion: {
      INVALID: 'Betalningsvillkoren har ändrats. Läs och godkänn den aktuella versionen.',
    },
    paymentMethod: {
      INVALID:
        'Systemansvariga betalar automatiskt med kort den 1:a varje månad; manuell betalning gäller installatörer.',
    },
    vatNumber: {
      INVALID:
        'Detta är inte ett giltigt momsregistreringsnummer för företagets land: ange det med landskod, t.ex. SE556677889901, och kontrollera siffrorna.',
    },
    invoice: {
      NOT_FOUND: 'Fakturan finns inte.',
    },
    // API keys and webhook endpoints (the Integrations page and the partner API)
    scopes: {
      REQUIRED: 'Välj minst en sak som nyckeln får göra.',
    },
    events: {
      REQUIRED: 'Välj minst en händelse.',
    },
    expiresAt: {
      INVALID: 'Välj ett datum i framtiden, eller lämna tomt för en nyckel som aldrig upphör.',
    },
    overlapHours: {
      INVALID: 'Ange ett helt antal timmar från 0 till {max}.',
    },
    locale: {
      INVALID: 'Välj engelska, nederländska, svenska eller franska.',
    },
  },
  webhookUrl: {
    INVALID_URL:
      'Ange en fullständig webbadress som börjar med https://, t.ex. https://erp.exempel.se/hooks/entry.',
    HTTPS_REQUIRED: 'Använd en https://-adress: händelser skickas bara krypterat.',
    CREDENTIALS_IN_URL:
      'Ta bort användarnamn och lösenord ur adressen: kontrollera i stället signaturen på varje händelse.',
    TOO_LONG: 'Använd en adress på högst {max} tecken.',
    PRIVATE_ADDRESS:
      'Adressen pekar in i ett privat eller lokalt nätverk. Använd en adress som kan nås från internet.',
  },
  weakPassword: {
    TOO_SHORT:
      'Använd minst {min} tecken. Några orelaterade ord blir ett starkt lösenord som är lätt att komma ihåg.',
    TOO_LONG: 'Använd högst {max} tecken.',
    COMMON: 'Lösenordet finns på en lista över vanliga eller läckta lösenord. Välj ett annat.',
    PERSONAL: 'Använd inte ditt namn eller din e-postadress i lösenordet.',
    REPEATED: 'Undvik upprepade tecken och enkla följder som aaaa eller 1234.',
  },
};

export const SITE_PROBLEM_WORDS: SiteProblemWords = {
  SITE_NAME_TAKEN: 'En annan anläggning har redan det här namnet.',
  SITE_INACTIVE: 'Anläggningen är inaktiverad. Aktivera den först.',
  EMAIL_AT_SITE: 'En Entry app-användare på anläggningen har redan den här e-postadressen.',
  DUPLICATE_IN_FILE: 'E-postadressen finns redan på rad {line} i filen.',
  MISSING_COLUMN:
    'Filen saknar kolumnen ”{column}”. Första raden ska namnge kolumnerna: first_name, last_name, email, apartment.',
  TOO_MANY_ROWS: 'Filen har fler än {max} rader. Dela upp den i mindre filer.',
  EMPTY_FILE: 'Filen är tom.',
  UNCLOSED_QUOTE: 'Ett citattecken på rad {line} avslutas aldrig.',
  FILE_TOO_LARGE: 'Filen är större än {max} MB. Dela upp den i mindre filer.',
  ROW_TOO_LARGE: 'Raden på rad {line} är större än {max} kB. Står ett citattecken öppet där?',
  UNREADABLE:
    'Filen kan inte läsas som CSV från rad {line}. Spara den som CSV igen från ditt kalkylprogram.',
  CONFLICT: 'Anläggningens användare ändrades under importen. Inget importerades: försök igen.',
};
