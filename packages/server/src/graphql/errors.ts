import { GraphQLError } from 'graphql';
import { ErrorCode, type Locale, type Localized } from '@entry/shared';

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
  BILLING_SETUP_REQUIRED: {
    en: 'A payment admin must finish the billing setup first.',
    nl: 'Een systeembeheerder moet eerst de betaalgegevens instellen.',
    sv: 'En betalningsadmin måste först slutföra betalningsinställningarna.',
    fr: "Un administrateur des paiements doit d'abord terminer la configuration de la facturation.",
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
};

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return MESSAGES[code][locale];
}

export function portalError(
  code: ErrorCode,
  locale: Locale,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(errorMessage(code, locale), { extensions: { ...extensions, code } });
}

export const unauthenticated = (locale: Locale) => portalError(ErrorCode.UNAUTHENTICATED, locale);
export const forbidden = (locale: Locale) => portalError(ErrorCode.FORBIDDEN, locale);
