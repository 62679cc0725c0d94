// The words of user errors in Dutch. The web app loads only the language it shows
// (web/src/components/form/user-error-words.ts); the server has all four (problem-messages.ts).
// Typed as full tables: the compiler refuses a language with a gap.
import type { SiteProblemWords } from '../site-problem-words';
import type { UserErrorWords } from '../user-errors';

export const USER_ERROR_WORDS: UserErrorWords = {
  codes: {
    INVALID: 'Deze waarde is ongeldig.',
    REQUIRED: 'Dit veld is verplicht.',
    TOO_LONG: 'Gebruik maximaal {max} tekens.',
    TAKEN: 'Dit e-mailadres is al in gebruik.',
    NOT_FOUND: 'Niet gevonden.',
    WEAK_PASSWORD: 'Kies een sterker wachtwoord.',
    LAST_PAYMENT_ADMIN: 'Het bedrijf moet ten minste één actieve systeembeheerder houden.',
    FORBIDDEN_SCOPE: 'Alleen een systeembeheerder mag een sleutel toegang tot facturen geven.',
    FORBIDDEN_EVENT: 'Alleen een systeembeheerder mag zich abonneren op factuurgebeurtenissen.',
    LIMIT_REACHED: 'Uw bedrijf heeft al het maximale aantal ({max}). Verwijder er eerst een.',
    INVALID_CREDENTIALS: 'Het e-mailadres of wachtwoord is onjuist.',
    THROTTLED: 'Te veel pogingen. Probeer het over {minutes} minuten opnieuw.',
    INVALID_TOKEN:
      'Deze link of dit tijdelijke wachtwoord is niet meer geldig. Vraag een nieuwe aan.',
    WRONG_PASSWORD: 'Uw huidige wachtwoord is onjuist.',
    INVALID_STATE: 'Dit is in de huidige status niet mogelijk.',
    CARD_REFUSED: 'De kaart is geweigerd ({reason}). Probeer een andere kaart.',
    ALREADY_PAID: 'Deze factuur is al betaald.',
    PAYMENT_PENDING:
      'Er wordt al een betaling van deze factuur verwerkt. Kijk over een minuut opnieuw.',
    INVALID_CODE:
      'Deze code is onjuist of al gebruikt. Vul de huidige code uit uw authenticator-app in, of een ongebruikte herstelcode.',
    MFA_CHALLENGE_EXPIRED:
      'Deze aanmelding is verlopen. Meld u opnieuw aan met uw e-mailadres en wachtwoord.',
    MFA_REQUIRED:
      'Tweestapsaanmelding is verplicht voor uw account en kan daarom niet worden uitgeschakeld.',
    MFA_ALREADY_ENABLED:
      'Tweestapsaanmelding staat al aan. Schakel het eerst uit om een andere authenticator-app in te stellen.',
    MFA_NOT_ENABLED: 'Tweestapsaanmelding staat niet aan voor uw account.',
    MFA_ENROLLMENT_NOT_STARTED:
      'Begin eerst met het instellen van tweestapsaanmelding en vul daarna de code in die uw authenticator-app toont.',
    PAYMENT_UNAVAILABLE:
      'De betaaldienst is nu niet bereikbaar. Er is niets dubbel afgeschreven; probeer het zo opnieuw.',
    SAME_COMPANY:
      'Dit adres is van iemand van uw eigen bedrijf: een locatie kan alleen aan een ander bedrijf worden overgedragen.',
  },
  fields: {
    email: {
      INVALID: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    },
    phone: {
      INVALID: 'Vul een telefoonnummer in met cijfers, spaties, +, - of haakjes.',
    },
    country: {
      INVALID: 'Kies een land uit de lijst.',
    },
    acceptTermsVersion: {
      INVALID: 'De betalingsvoorwaarden zijn gewijzigd. Lees en accepteer de huidige versie.',
    },
    paymentMethod: {
      INVALID:
        'Zakelijke vastgoedbeheerders betalen automatisch per creditcard op de 1e van elke maand; handmatig betalen is voor installateurs.',
    },
    vatNumber: {
      INVALID:
        'Dit is geen geldig btw-nummer voor het land van uw bedrijf: vul het in met landcode, bijvoorbeeld NL004495445B01, en controleer de cijfers.',
    },
    invoice: {
      NOT_FOUND: 'Deze factuur bestaat niet.',
    },
    // API keys and webhook endpoints (the Integrations page and the partner API)
    scopes: {
      REQUIRED: 'Kies ten minste één ding dat de sleutel mag doen.',
    },
    events: {
      REQUIRED: 'Kies ten minste één gebeurtenis.',
    },
    expiresAt: {
      INVALID:
        'Kies een datum in de toekomst, of laat het leeg voor een sleutel die nooit verloopt.',
    },
    overlapHours: {
      INVALID: 'Vul een geheel aantal uren in van 0 tot {max}.',
    },
    locale: {
      INVALID: 'Kies Engels, Nederlands, Zweeds of Frans.',
    },
  },
  webhookUrl: {
    INVALID_URL:
      'Vul een volledig webadres in dat begint met https://, bijvoorbeeld https://erp.voorbeeld.nl/hooks/entry.',
    HTTPS_REQUIRED:
      'Gebruik een https://-adres: gebeurtenissen worden alleen versleuteld verstuurd.',
    CREDENTIALS_IN_URL:
      'Laat gebruikersnaam en wachtwoord weg uit het adres: controleer in plaats daarvan de handtekening van elke gebeurtenis.',
    TOO_LONG: 'Gebruik een adres van maximaal {max} tekens.',
    PRIVATE_ADDRESS:
      'Dit adres wijst naar een privé- of lokaal netwerk. Gebruik een adres dat vanaf internet bereikbaar is.',
  },
  weakPassword: {
    TOO_SHORT:
      'Gebruik minstens {min} tekens. Een paar losse woorden vormen een sterk wachtwoord dat makkelijk te onthouden is.',
    TOO_LONG: 'Gebruik maximaal {max} tekens.',
    COMMON:
      'Dit wachtwoord staat op een lijst van veelgebruikte of gelekte wachtwoorden. Kies een ander.',
    PERSONAL: 'Gebruik uw naam of e-mailadres niet in uw wachtwoord.',
    REPEATED: 'Vermijd herhaalde tekens en eenvoudige reeksen zoals aaaa of 1234.',
  },
};

export const SITE_PROBLEM_WORDS: SiteProblemWords = {
  SITE_NAME_TAKEN: 'Een andere locatie heeft deze naam al.',
  SITE_INACTIVE: 'Deze locatie is gedeactiveerd. Activeer haar eerst opnieuw.',
  EMAIL_AT_SITE: 'Een Entry app-gebruiker van deze locatie heeft dit e-mailadres al.',
  DUPLICATE_IN_FILE: 'Dit e-mailadres staat al op regel {line} van het bestand.',
  MISSING_COLUMN:
    'Het bestand heeft geen kolom “{column}”. De eerste regel moet de kolommen noemen: first_name, last_name, email, apartment.',
  TOO_MANY_ROWS: 'Het bestand heeft meer dan {max} regels. Verdeel het over kleinere bestanden.',
  EMPTY_FILE: 'Het bestand is leeg.',
  UNCLOSED_QUOTE: 'Een aanhalingsteken op regel {line} wordt nergens gesloten.',
  FILE_TOO_LARGE: 'Het bestand is groter dan {max} MB. Verdeel het over kleinere bestanden.',
  ROW_TOO_LARGE:
    'De rij op regel {line} is groter dan {max} KB. Staat daar een aanhalingsteken open?',
  UNREADABLE:
    'Het bestand is vanaf regel {line} niet als CSV te lezen. Sla het opnieuw op als CSV vanuit uw spreadsheet.',
  CONFLICT:
    'De gebruikers van deze locatie zijn tijdens het importeren gewijzigd. Er is niets geïmporteerd: probeer het opnieuw.',
};
