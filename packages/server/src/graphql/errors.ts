import { GraphQLError } from 'graphql';
import { ErrorCode, fill, type Locale, type Localized } from '@entry/shared';

/**
 * Request-level refusals: a GraphQL error whose `extensions.code` apps branch on, with a message
 * in the viewer's language. (What the person can fix in a form is a userError instead.)
 */
const MESSAGES: Readonly<Record<ErrorCode, Localized>> = {
  UNAUTHENTICATED: {
    en: 'Please sign in first.',
    nl: 'Log eerst in.',
    sv: 'Logga in först.',
    fr: "Veuillez d'abord vous connecter.",
  },
  FORBIDDEN: {
    en: 'Your access level does not allow this.',
    nl: 'Uw bevoegdheid staat dit niet toe.',
    sv: 'Din åtkomstnivå tillåter inte detta.',
    fr: "Votre niveau d'accès ne le permet pas.",
  },
  PASSWORD_CHANGE_REQUIRED: {
    en: 'Choose a new password before you continue.',
    nl: 'Kies een nieuw wachtwoord voordat u verdergaat.',
    sv: 'Välj ett nytt lösenord innan du fortsätter.',
    fr: 'Choisissez un nouveau mot de passe avant de continuer.',
  },
  MFA_ENROLLMENT_REQUIRED: {
    en: 'Set up two-factor sign-in before you continue: it is required for your account.',
    nl: 'Stel tweestapsaanmelding in voordat u verdergaat: dit is verplicht voor uw account.',
    sv: 'Konfigurera tvåstegsinloggning innan du fortsätter: det krävs för ditt konto.',
    fr: 'Configurez la connexion en deux étapes avant de continuer : elle est obligatoire pour votre compte.',
  },
  BILLING_SETUP_REQUIRED: {
    en: 'A payment admin must finish the billing setup first.',
    nl: 'Een systeembeheerder moet eerst de betaalgegevens instellen.',
    sv: 'En betalningsadmin måste först slutföra betalningsinställningarna.',
    fr: "Un administrateur des paiements doit d'abord terminer la configuration de la facturation.",
  },
  ACCOUNT_SUSPENDED: {
    en: 'Your company’s account is suspended for an unpaid invoice: no new sites, Entry app users or invitations until it is paid. Everything else keeps working.',
    nl: 'Het account van uw bedrijf is opgeschort vanwege een onbetaalde factuur: geen nieuwe locaties, Entry app-gebruikers of uitnodigingen tot die betaald is. Al het andere blijft werken.',
    sv: 'Ert företags konto är avstängt på grund av en obetald faktura: inga nya anläggningar, Entry-appanvändare eller inbjudningar förrän den är betald. Allt annat fungerar som vanligt.',
    fr: 'Le compte de votre entreprise est suspendu pour une facture impayée : pas de nouveaux sites, utilisateurs de l’app Entry ni invitations jusqu’à son paiement. Tout le reste continue de fonctionner.',
  },
  BAD_USER_INPUT: {
    en: 'The request is not valid.',
    nl: 'Het verzoek is ongeldig.',
    sv: 'Begäran är ogiltig.',
    fr: "La requête n'est pas valide.",
  },
  SERVICE_UNAVAILABLE: {
    en: 'The service is briefly unavailable. Please try again in a moment.',
    nl: 'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
    sv: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
    fr: 'Le service est momentanément indisponible. Veuillez réessayer dans un instant.',
  },
  INTERNAL_SERVER_ERROR: {
    en: 'Something went wrong on our side. Please try again.',
    nl: 'Er ging bij ons iets mis. Probeer het opnieuw.',
    sv: 'Något gick fel hos oss. Försök igen.',
    fr: 'Une erreur est survenue de notre côté. Veuillez réessayer.',
  },
  QUERY_TOO_DEEP: {
    en: 'The query nests fields {actual} levels deep; the limit is {max}.',
    nl: 'De query nest velden {actual} niveaus diep; de limiet is {max}.',
    sv: 'Frågan nästlar fält {actual} nivåer djupt; gränsen är {max}.',
    fr: 'La requête imbrique des champs sur {actual} niveaux ; la limite est de {max}.',
  },
  TOO_MANY_ALIASES: {
    en: 'The query uses {actual} aliases; the limit is {max}.',
    nl: 'De query gebruikt {actual} aliassen; de limiet is {max}.',
    sv: 'Frågan använder {actual} alias; gränsen är {max}.',
    fr: 'La requête utilise {actual} alias ; la limite est de {max}.',
  },
  TOO_MANY_DIRECTIVES: {
    en: 'The query uses {actual} directives; the limit is {max}.',
    nl: 'De query gebruikt {actual} directieven; de limiet is {max}.',
    sv: 'Frågan använder {actual} direktiv; gränsen är {max}.',
    fr: 'La requête utilise {actual} directives ; la limite est de {max}.',
  },
  TOO_MANY_TOKENS: {
    en: 'The query is too long: it has more than {max} tokens.',
    nl: 'De query is te lang: meer dan {max} tokens.',
    sv: 'Frågan är för lång: den har fler än {max} token.',
    fr: 'La requête est trop longue : elle compte plus de {max} jetons.',
  },
  QUERY_TOO_COSTLY: {
    en: 'The query could return about {actual} objects; the limit is {max}. Ask for smaller pages (first) or fewer nested lists.',
    nl: "De query kan ongeveer {actual} objecten opleveren; de limiet is {max}. Vraag kleinere pagina's (first) of minder geneste lijsten.",
    sv: 'Frågan kan ge omkring {actual} objekt; gränsen är {max}. Be om mindre sidor (first) eller färre nästlade listor.',
    fr: 'La requête pourrait renvoyer environ {actual} objets ; la limite est de {max}. Demandez des pages plus petites (first) ou moins de listes imbriquées.',
  },
  PAYLOAD_TOO_LARGE: {
    en: 'The request is too large: at most {max} KB is accepted. Send larger CSV files of Entry app users to POST /api/sites/{siteId}/entry-users/import (or …/import/preview).',
    nl: 'Het verzoek is te groot: maximaal {max} KB wordt geaccepteerd. Stuur grotere CSV-bestanden met Entry app-gebruikers naar POST /api/sites/{siteId}/entry-users/import (of …/import/preview).',
    sv: 'Begäran är för stor: högst {max} kB tas emot. Skicka större CSV-filer med Entry app-användare till POST /api/sites/{siteId}/entry-users/import (eller …/import/preview).',
    fr: 'La requête est trop volumineuse : {max} Ko au maximum. Envoyez les fichiers CSV d’utilisateurs de l’app Entry plus grands à POST /api/sites/{siteId}/entry-users/import (ou …/import/preview).',
  },
  JSON_TOO_DEEP: {
    en: 'The request nests JSON arrays and objects more than {max} levels deep.',
    nl: 'Het verzoek nest JSON-lijsten en -objecten meer dan {max} niveaus diep.',
    sv: 'Begäran nästlar JSON-listor och -objekt mer än {max} nivåer djupt.',
    fr: 'La requête imbrique des tableaux et objets JSON sur plus de {max} niveaux.',
  },
  API_KEY_SCOPE: {
    en: 'This API key may not do this: none of its scopes covers it.',
    nl: 'Deze API-sleutel mag dit niet: geen van zijn bereiken dekt het.',
    sv: 'Den här API-nyckeln får inte göra detta: inget av dess omfång täcker det.',
    fr: 'Cette clé d’API ne peut pas faire cela : aucune de ses portées ne le couvre.',
  },
  RATE_LIMITED: {
    en: 'Too many requests with this API key: at most {limit} a minute. Try again in {retryAfter} seconds.',
    nl: 'Te veel verzoeken met deze API-sleutel: maximaal {limit} per minuut. Probeer het over {retryAfter} seconden opnieuw.',
    sv: 'För många förfrågningar med den här API-nyckeln: högst {limit} per minut. Försök igen om {retryAfter} sekunder.',
    fr: 'Trop de requêtes avec cette clé d’API : {limit} par minute au maximum. Réessayez dans {retryAfter} secondes.',
  },
};

/** The code's message in the locale; `{name}` placeholders take their values from `params`. */
export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params?: Readonly<Record<string, string | number>>,
): string {
  return fill(MESSAGES[code][locale], params);
}

/**
 * A refusal of the request, thrown without a language: its code (and the values in its
 * extensions) are all it says. The words are chosen at the edge, in the requester's language:
 * errorAnswersPlugin for GraphQL, the REST routes' error answers for REST (both with
 * localizedErrorMessage). The English message is only what a log or a test sees before that.
 */
export function portalError(
  code: ErrorCode,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(errorMessage(code, 'en', paramsOf(extensions)), {
    extensions: { ...extensions, code },
  });
}

export const unauthenticated = () => portalError(ErrorCode.UNAUTHENTICATED);
export const forbidden = () => portalError(ErrorCode.FORBIDDEN);

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** The values a message can use: an error's plain extensions (max, actual, ...). */
function paramsOf(extensions: Readonly<Record<string, unknown>>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(extensions).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

/**
 * An error's message in `locale`, for the edge that answers: one of our codes is worded from the
 * code and its extensions' values; Apollo's refusal of a malformed query gets a lead sentence in
 * the language before graphql-js's words; anything else keeps its message.
 */
export function localizedErrorMessage(
  error: { readonly message: string; readonly extensions?: Readonly<Record<string, unknown>> },
  locale: Locale,
): string {
  const extensions = error.extensions ?? {};
  const code = extensions['code'];
  if (typeof code !== 'string') return error.message;
  if (ERROR_CODES.has(code)) return errorMessage(code as ErrorCode, locale, paramsOf(extensions));
  return localizedRefusal(code, locale, error.message) ?? error.message;
}

/** The error with its message in `locale` (for answers made before Apollo's plugins run). */
export function inLocale(error: GraphQLError, locale: Locale): GraphQLError {
  return new GraphQLError(localizedErrorMessage(error, locale), {
    extensions: error.extensions,
  });
}

/**
 * Apollo's refusals of a query that is not GraphQL or does not fit the schema carry graphql-js's
 * English words (for the developer: where, and what was expected). They are put after a sentence
 * in the viewer's language, so everyone reads what went wrong and the developer reads the detail.
 */
const REQUEST_REFUSAL_LEADS: Readonly<Record<string, Localized>> = {
  GRAPHQL_PARSE_FAILED: {
    en: 'The query is not valid GraphQL',
    nl: 'De query is geen geldige GraphQL',
    sv: 'Frågan är inte giltig GraphQL',
    fr: "La requête n'est pas du GraphQL valide",
  },
  GRAPHQL_VALIDATION_FAILED: {
    en: 'The query does not fit the schema',
    nl: 'De query past niet bij het schema',
    sv: 'Frågan stämmer inte med schemat',
    fr: 'La requête ne correspond pas au schéma',
  },
};

/** An Apollo refusal's message led by a sentence in `locale`; null for any other code. */
function localizedRefusal(code: string, locale: Locale, detail: string): string | null {
  const lead = REQUEST_REFUSAL_LEADS[code];
  return lead ? `${lead[locale]}: ${detail}` : null;
}
