import { UserErrorCode } from './error-codes';
import type { Locale, Localized } from './locales';
import { LIMITS } from './validation';
import { WEBHOOK_URL_MAX, type WebhookUrlProblem } from './webhooks';

/**
 * A problem with one input field, as the server puts it in `userErrors` and the web app shows it
 * under the field. Both sides turn it into words with `userErrorMessage`, so the form and the API
 * say the same thing in the same language.
 */
export interface FieldProblem {
  /** path to the input field, e.g. ['input', 'email'] */
  readonly field: readonly string[];
  readonly code: UserErrorCode;
  /** values for the message: max, min, minutes, reason */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Why a password is refused; each has its own advice. */
export type WeakPasswordReason = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'PERSONAL' | 'REPEATED';

const MESSAGES: Readonly<Record<UserErrorCode, Localized>> = {
  INVALID: {
    en: 'This value is not valid.',
    nl: 'Deze waarde is ongeldig.',
    sv: 'Värdet är ogiltigt.',
    fr: "Cette valeur n'est pas valide.",
  },
  REQUIRED: {
    en: 'This field is required.',
    nl: 'Dit veld is verplicht.',
    sv: 'Fältet är obligatoriskt.',
    fr: 'Ce champ est obligatoire.',
  },
  TOO_LONG: {
    en: 'Use at most {max} characters.',
    nl: 'Gebruik maximaal {max} tekens.',
    sv: 'Använd högst {max} tecken.',
    fr: 'Utilisez au maximum {max} caractères.',
  },
  TAKEN: {
    en: 'This email address is already in use.',
    nl: 'Dit e-mailadres is al in gebruik.',
    sv: 'E-postadressen används redan.',
    fr: 'Cette adresse e-mail est déjà utilisée.',
  },
  NOT_FOUND: {
    en: 'Not found.',
    nl: 'Niet gevonden.',
    sv: 'Hittades inte.',
    fr: 'Introuvable.',
  },
  WEAK_PASSWORD: {
    en: 'Choose a stronger password.',
    nl: 'Kies een sterker wachtwoord.',
    sv: 'Välj ett starkare lösenord.',
    fr: 'Choisissez un mot de passe plus robuste.',
  },
  LAST_PAYMENT_ADMIN: {
    en: 'The company must keep at least one active payment admin.',
    nl: 'Het bedrijf moet ten minste één actieve systeembeheerder houden.',
    sv: 'Företaget måste ha minst en aktiv betalningsadmin kvar.',
    fr: 'L’entreprise doit conserver au moins un administrateur des paiements actif.',
  },
  FORBIDDEN_SCOPE: {
    en: 'Only a payment admin may give a key access to invoices.',
    nl: 'Alleen een systeembeheerder mag een sleutel toegang tot facturen geven.',
    sv: 'Endast en betalningsadmin kan ge en nyckel åtkomst till fakturor.',
    fr: 'Seul un administrateur des paiements peut donner à une clé l’accès aux factures.',
  },
  FORBIDDEN_EVENT: {
    en: 'Only a payment admin may subscribe to invoice events.',
    nl: 'Alleen een systeembeheerder mag zich abonneren op factuurgebeurtenissen.',
    sv: 'Endast en betalningsadmin kan prenumerera på fakturahändelser.',
    fr: 'Seul un administrateur des paiements peut s’abonner aux événements de facture.',
  },
  LIMIT_REACHED: {
    en: 'Your company already has the most allowed ({max}). Remove one first.',
    nl: 'Uw bedrijf heeft al het maximale aantal ({max}). Verwijder er eerst een.',
    sv: 'Ert företag har redan så många som tillåts ({max}). Ta bort en först.',
    fr: 'Votre entreprise en a déjà le nombre maximal ({max}). Supprimez-en un d’abord.',
  },
  INVALID_CREDENTIALS: {
    en: 'The email address or password is not correct.',
    nl: 'Het e-mailadres of wachtwoord is onjuist.',
    sv: 'E-postadressen eller lösenordet är fel.',
    fr: "L'adresse e-mail ou le mot de passe est incorrect.",
  },
  THROTTLED: {
    en: 'Too many attempts. Try again in {minutes} minutes.',
    nl: 'Te veel pogingen. Probeer het over {minutes} minuten opnieuw.',
    sv: 'För många försök. Försök igen om {minutes} minuter.',
    fr: 'Trop de tentatives. Réessayez dans {minutes} minutes.',
  },
  INVALID_TOKEN: {
    en: 'This link or temporary password is no longer valid. Ask for a new one.',
    nl: 'Deze link of dit tijdelijke wachtwoord is niet meer geldig. Vraag een nieuwe aan.',
    sv: 'Länken eller det tillfälliga lösenordet gäller inte längre. Begär ett nytt.',
    fr: "Ce lien ou ce mot de passe temporaire n'est plus valable. Demandez-en un nouveau.",
  },
  WRONG_PASSWORD: {
    en: 'Your current password is not correct.',
    nl: 'Uw huidige wachtwoord is onjuist.',
    sv: 'Ditt nuvarande lösenord är fel.',
    fr: 'Votre mot de passe actuel est incorrect.',
  },
  INVALID_STATE: {
    en: 'This is not possible in its current state.',
    nl: 'Dit is in de huidige status niet mogelijk.',
    sv: 'Det går inte i nuvarande läge.',
    fr: "Ce n'est pas possible dans l'état actuel.",
  },
  CARD_REFUSED: {
    en: 'The card was refused ({reason}). Try another card.',
    nl: 'De kaart is geweigerd ({reason}). Probeer een andere kaart.',
    sv: 'Kortet nekades ({reason}). Försök med ett annat kort.',
    fr: 'La carte a été refusée ({reason}). Essayez une autre carte.',
  },
  ALREADY_PAID: {
    en: 'This invoice is already paid.',
    nl: 'Deze factuur is al betaald.',
    sv: 'Fakturan är redan betald.',
    fr: 'Cette facture est déjà payée.',
  },
  PAYMENT_PENDING: {
    en: 'A payment of this invoice is being processed. Check again in a minute.',
    nl: 'Er wordt al een betaling van deze factuur verwerkt. Kijk over een minuut opnieuw.',
    sv: 'En betalning av fakturan behandlas redan. Kontrollera igen om en minut.',
    fr: 'Un paiement de cette facture est en cours de traitement. Vérifiez dans une minute.',
  },
  INVALID_CODE: {
    en: 'This code is not correct or was used already. Enter the current code from your authenticator app, or an unused recovery code.',
    nl: 'Deze code is onjuist of al gebruikt. Vul de huidige code uit uw authenticator-app in, of een ongebruikte herstelcode.',
    sv: 'Koden är fel eller har redan använts. Ange den aktuella koden från din autentiseringsapp, eller en oanvänd återställningskod.',
    fr: "Ce code est incorrect ou a déjà été utilisé. Saisissez le code actuel de votre application d'authentification, ou un code de récupération inutilisé.",
  },
  MFA_CHALLENGE_EXPIRED: {
    en: 'This sign-in has expired. Sign in again with your email address and password.',
    nl: 'Deze aanmelding is verlopen. Meld u opnieuw aan met uw e-mailadres en wachtwoord.',
    sv: 'Inloggningen har gått ut. Logga in igen med din e-postadress och ditt lösenord.',
    fr: 'Cette connexion a expiré. Reconnectez-vous avec votre adresse e-mail et votre mot de passe.',
  },
  MFA_REQUIRED: {
    en: 'Two-factor sign-in is required for your account, so it cannot be turned off.',
    nl: 'Tweestapsaanmelding is verplicht voor uw account en kan daarom niet worden uitgeschakeld.',
    sv: 'Tvåstegsinloggning krävs för ditt konto och kan därför inte stängas av.',
    fr: 'La connexion en deux étapes est obligatoire pour votre compte : elle ne peut pas être désactivée.',
  },
  MFA_ALREADY_ENABLED: {
    en: 'Two-factor sign-in is already on. Turn it off first to set up another authenticator app.',
    nl: 'Tweestapsaanmelding staat al aan. Schakel het eerst uit om een andere authenticator-app in te stellen.',
    sv: 'Tvåstegsinloggning är redan på. Stäng av den först för att konfigurera en annan autentiseringsapp.',
    fr: "La connexion en deux étapes est déjà activée. Désactivez-la d'abord pour configurer une autre application d'authentification.",
  },
  MFA_NOT_ENABLED: {
    en: 'Two-factor sign-in is not on for your account.',
    nl: 'Tweestapsaanmelding staat niet aan voor uw account.',
    sv: 'Tvåstegsinloggning är inte på för ditt konto.',
    fr: "La connexion en deux étapes n'est pas activée pour votre compte.",
  },
  MFA_ENROLLMENT_NOT_STARTED: {
    en: 'Start setting up two-factor sign-in first, then enter the code your authenticator app shows.',
    nl: 'Begin eerst met het instellen van tweestapsaanmelding en vul daarna de code in die uw authenticator-app toont.',
    sv: 'Börja med att konfigurera tvåstegsinloggning och ange sedan koden som din autentiseringsapp visar.',
    fr: "Commencez par configurer la connexion en deux étapes, puis saisissez le code affiché par votre application d'authentification.",
  },
  SAME_COMPANY: {
    en: 'This address belongs to someone of your own company: a site can only be transferred to another company.',
    nl: 'Dit adres is van iemand van uw eigen bedrijf: een locatie kan alleen aan een ander bedrijf worden overgedragen.',
    sv: 'Adressen tillhör någon i ert eget företag: en anläggning kan bara överlåtas till ett annat företag.',
    fr: 'Cette adresse appartient à une personne de votre entreprise : un site ne peut être transféré qu’à une autre entreprise.',
  },
  PAYMENT_UNAVAILABLE: {
    en: 'The payment service cannot be reached right now. Nothing was charged twice; try again shortly.',
    nl: 'De betaaldienst is nu niet bereikbaar. Er is niets dubbel afgeschreven; probeer het zo opnieuw.',
    sv: 'Betaltjänsten kan inte nås just nu. Inget har dragits två gånger; försök igen om en stund.',
    fr: "Le service de paiement est momentanément injoignable. Rien n'a été débité deux fois ; réessayez dans un instant.",
  },
};

/** More precise words for a code on a particular field (the last element of its path). */
const FIELD_MESSAGES: Readonly<Record<string, Partial<Record<UserErrorCode, Localized>>>> = {
  email: {
    INVALID: {
      en: 'Enter an email address like name@example.com.',
      nl: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
      sv: 'Ange en e-postadress som namn@exempel.se.',
      fr: 'Saisissez une adresse e-mail du type nom@exemple.fr.',
    },
  },
  phone: {
    INVALID: {
      en: 'Enter a phone number with digits, spaces, +, - or brackets.',
      nl: 'Vul een telefoonnummer in met cijfers, spaties, +, - of haakjes.',
      sv: 'Ange ett telefonnummer med siffror, mellanslag, +, - eller parenteser.',
      fr: 'Saisissez un numéro de téléphone avec des chiffres, espaces, +, - ou parenthèses.',
    },
  },
  country: {
    INVALID: {
      en: 'Choose a country from the list.',
      nl: 'Kies een land uit de lijst.',
      sv: 'Välj ett land i listan.',
      fr: 'Choisissez un pays dans la liste.',
    },
  },
  acceptTermsVersion: {
    INVALID: {
      en: 'The billing terms have changed. Read and accept the current version.',
      nl: 'De betalingsvoorwaarden zijn gewijzigd. Lees en accepteer de huidige versie.',
      sv: 'Betalningsvillkoren har ändrats. Läs och godkänn den aktuella versionen.',
      fr: 'Les conditions de facturation ont changé. Lisez et acceptez la version actuelle.',
    },
  },
  paymentMethod: {
    INVALID: {
      en: 'System managers pay automatically by card on the 1st of each month; manual payment is for installers.',
      nl: 'Zakelijke vastgoedbeheerders betalen automatisch per creditcard op de 1e van elke maand; handmatig betalen is voor installateurs.',
      sv: 'Systemansvariga betalar automatiskt med kort den 1:a varje månad; manuell betalning gäller installatörer.',
      fr: 'Les gestionnaires de système paient automatiquement par carte le 1er de chaque mois ; le paiement manuel est réservé aux installateurs.',
    },
  },
  vatNumber: {
    INVALID: {
      en: 'This is not a valid VAT number for the country of your company: enter it with its country prefix, e.g. NL004495445B01, and check the digits.',
      nl: 'Dit is geen geldig btw-nummer voor het land van uw bedrijf: vul het in met landcode, bijvoorbeeld NL004495445B01, en controleer de cijfers.',
      sv: 'Detta är inte ett giltigt momsregistreringsnummer för företagets land: ange det med landskod, t.ex. SE556677889901, och kontrollera siffrorna.',
      fr: "Ce n'est pas un numéro de TVA valide pour le pays de votre entreprise : saisissez-le avec le préfixe du pays, par ex. FR40303265045, et vérifiez les chiffres.",
    },
  },
  invoice: {
    NOT_FOUND: {
      en: 'No such invoice.',
      nl: 'Deze factuur bestaat niet.',
      sv: 'Fakturan finns inte.',
      fr: "Cette facture n'existe pas.",
    },
  },
  // API keys and webhook endpoints (the Integrations page and the partner API)
  scopes: {
    REQUIRED: {
      en: 'Choose at least one thing the key may do.',
      nl: 'Kies ten minste één ding dat de sleutel mag doen.',
      sv: 'Välj minst en sak som nyckeln får göra.',
      fr: 'Choisissez au moins une chose que la clé peut faire.',
    },
  },
  events: {
    REQUIRED: {
      en: 'Choose at least one event.',
      nl: 'Kies ten minste één gebeurtenis.',
      sv: 'Välj minst en händelse.',
      fr: 'Choisissez au moins un événement.',
    },
  },
  expiresAt: {
    INVALID: {
      en: 'Choose a date in the future, or leave it empty for a key that never expires.',
      nl: 'Kies een datum in de toekomst, of laat het leeg voor een sleutel die nooit verloopt.',
      sv: 'Välj ett datum i framtiden, eller lämna tomt för en nyckel som aldrig upphör.',
      fr: 'Choisissez une date future, ou laissez vide pour une clé qui n’expire jamais.',
    },
  },
  overlapHours: {
    INVALID: {
      en: 'Enter a whole number of hours from 0 to {max}.',
      nl: 'Vul een geheel aantal uren in van 0 tot {max}.',
      sv: 'Ange ett helt antal timmar från 0 till {max}.',
      fr: 'Saisissez un nombre entier d’heures de 0 à {max}.',
    },
  },
  locale: {
    INVALID: {
      en: 'Choose English, Dutch, Swedish or French.',
      nl: 'Kies Engels, Nederlands, Zweeds of Frans.',
      sv: 'Välj engelska, nederländska, svenska eller franska.',
      fr: 'Choisissez anglais, néerlandais, suédois ou français.',
    },
  },
};

/** The limits some fields' words name, for answers that carry no params (rotateApiKey's). */
const FIELD_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  overlapHours: { max: LIMITS.apiKeyOverlapHoursMax },
};

/** Why a webhook endpoint's URL is refused: INVALID on `url` with params.reason. */
const WEBHOOK_URL_MESSAGES: Readonly<Record<WebhookUrlProblem, Localized>> = {
  INVALID_URL: {
    en: 'Enter a full web address starting with https://, e.g. https://erp.example.com/hooks/entry.',
    nl: 'Vul een volledig webadres in dat begint met https://, bijvoorbeeld https://erp.voorbeeld.nl/hooks/entry.',
    sv: 'Ange en fullständig webbadress som börjar med https://, t.ex. https://erp.exempel.se/hooks/entry.',
    fr: 'Saisissez une adresse web complète commençant par https://, par ex. https://erp.exemple.fr/hooks/entry.',
  },
  HTTPS_REQUIRED: {
    en: 'Use an https:// address: events are only sent encrypted.',
    nl: 'Gebruik een https://-adres: gebeurtenissen worden alleen versleuteld verstuurd.',
    sv: 'Använd en https://-adress: händelser skickas bara krypterat.',
    fr: 'Utilisez une adresse https:// : les événements ne sont envoyés que chiffrés.',
  },
  CREDENTIALS_IN_URL: {
    en: 'Leave the user name and password out of the address: check the signature of each event instead.',
    nl: 'Laat gebruikersnaam en wachtwoord weg uit het adres: controleer in plaats daarvan de handtekening van elke gebeurtenis.',
    sv: 'Ta bort användarnamn och lösenord ur adressen: kontrollera i stället signaturen på varje händelse.',
    fr: "Retirez le nom d'utilisateur et le mot de passe de l'adresse : vérifiez plutôt la signature de chaque événement.",
  },
  TOO_LONG: {
    en: 'Use an address of at most {max} characters.',
    nl: 'Gebruik een adres van maximaal {max} tekens.',
    sv: 'Använd en adress på högst {max} tecken.',
    fr: 'Utilisez une adresse de {max} caractères au maximum.',
  },
  PRIVATE_ADDRESS: {
    en: 'This address points into a private or local network. Use an address reachable from the internet.',
    nl: 'Dit adres wijst naar een privé- of lokaal netwerk. Gebruik een adres dat vanaf internet bereikbaar is.',
    sv: 'Adressen pekar in i ett privat eller lokalt nätverk. Använd en adress som kan nås från internet.',
    fr: 'Cette adresse pointe vers un réseau privé ou local. Utilisez une adresse joignable depuis internet.',
  },
};

const WEAK_PASSWORD_MESSAGES: Readonly<Record<WeakPasswordReason, Localized>> = {
  TOO_SHORT: {
    en: 'Use at least {min} characters. A few unrelated words make a strong password that is easy to remember.',
    nl: 'Gebruik minstens {min} tekens. Een paar losse woorden vormen een sterk wachtwoord dat makkelijk te onthouden is.',
    sv: 'Använd minst {min} tecken. Några orelaterade ord blir ett starkt lösenord som är lätt att komma ihåg.',
    fr: 'Utilisez au moins {min} caractères. Quelques mots sans rapport entre eux font un mot de passe robuste et facile à retenir.',
  },
  TOO_LONG: {
    en: 'Use at most {max} characters.',
    nl: 'Gebruik maximaal {max} tekens.',
    sv: 'Använd högst {max} tecken.',
    fr: 'Utilisez au maximum {max} caractères.',
  },
  COMMON: {
    en: 'This password is on a list of common or leaked passwords. Choose another one.',
    nl: 'Dit wachtwoord staat op een lijst van veelgebruikte of gelekte wachtwoorden. Kies een ander.',
    sv: 'Lösenordet finns på en lista över vanliga eller läckta lösenord. Välj ett annat.',
    fr: 'Ce mot de passe figure sur une liste de mots de passe courants ou divulgués. Choisissez-en un autre.',
  },
  PERSONAL: {
    en: 'Do not use your name or email address in your password.',
    nl: 'Gebruik uw naam of e-mailadres niet in uw wachtwoord.',
    sv: 'Använd inte ditt namn eller din e-postadress i lösenordet.',
    fr: "N'utilisez pas votre nom ni votre adresse e-mail dans votre mot de passe.",
  },
  REPEATED: {
    en: 'Avoid repeated characters and simple sequences like aaaa or 1234.',
    nl: 'Vermijd herhaalde tekens en eenvoudige reeksen zoals aaaa of 1234.',
    sv: 'Undvik upprepade tecken och enkla följder som aaaa eller 1234.',
    fr: 'Évitez les caractères répétés et les suites simples comme aaaa ou 1234.',
  },
};

/** Puts `{name}` values into a message template; a name without a value stays as written. */
export function fill(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function userErrorMessage(problem: FieldProblem, locale: Locale): string {
  if (problem.code === UserErrorCode.WEAK_PASSWORD) {
    const reason = problem.params?.['reason'] as WeakPasswordReason | undefined;
    if (reason && reason in WEAK_PASSWORD_MESSAGES)
      return fill(WEAK_PASSWORD_MESSAGES[reason][locale], problem.params);
  }
  const fieldName = problem.field[problem.field.length - 1] ?? '';
  if (fieldName === 'url' && problem.code === UserErrorCode.INVALID) {
    const reason = problem.params?.['reason'] as WebhookUrlProblem | undefined;
    if (reason && reason in WEBHOOK_URL_MESSAGES)
      return fill(WEBHOOK_URL_MESSAGES[reason][locale], {
        max: WEBHOOK_URL_MAX,
        ...problem.params,
      });
  }
  const specific = FIELD_MESSAGES[fieldName]?.[problem.code];
  return fill((specific ?? MESSAGES[problem.code])[locale], {
    ...FIELD_LIMITS[fieldName],
    ...problem.params,
  });
}
