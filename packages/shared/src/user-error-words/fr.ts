// The words of user errors in French. The web app loads only the language it shows
// (web/src/components/form/user-error-words.ts); the server has all four (problem-messages.ts).
// Typed as full tables: the compiler refuses a language with a gap.
import type { SiteProblemWords } from '../site-problem-words';
import type { UserErrorWords } from '../user-errors';

export const USER_ERROR_WORDS: UserErrorWords = {
  codes: {
    INVALID: "Cette valeur n'est pas valide.",
    REQUIRED: 'Ce champ est obligatoire.',
    TOO_LONG: 'Utilisez au maximum {max} caractères.',
    TAKEN: 'Cette adresse e-mail est déjà utilisée.',
    NOT_FOUND: 'Introuvable.',
    WEAK_PASSWORD: 'Choisissez un mot de passe plus robuste.',
    LAST_PAYMENT_ADMIN:
      'L’entreprise doit conserver au moins un administrateur des paiements actif.',
    FORBIDDEN_SCOPE:
      'Seul un administrateur des paiements peut donner à une clé l’accès aux factures.',
    FORBIDDEN_EVENT:
      'Seul un administrateur des paiements peut s’abonner aux événements de facture.',
    LIMIT_REACHED: 'Votre entreprise en a déjà le nombre maximal ({max}). Supprimez-en un d’abord.',
    INVALID_CREDENTIALS: "L'adresse e-mail ou le mot de passe est incorrect.",
    THROTTLED: 'Trop de tentatives. Réessayez dans {minutes} minutes.',
    INVALID_TOKEN:
      "Ce lien ou ce mot de passe temporaire n'est plus valable. Demandez-en un nouveau.",
    WRONG_PASSWORD: 'Votre mot de passe actuel est incorrect.',
    INVALID_STATE: "Ce n'est pas possible dans l'état actuel.",
    CARD_REFUSED: 'La carte a été refusée ({reason}). Essayez une autre carte.',
    ALREADY_PAID: 'Cette facture est déjà payée.',
    PAYMENT_PENDING:
      'Un paiement de cette facture est en cours de traitement. Vérifiez dans une minute.',
    INVALID_CODE:
      "Ce code est incorrect ou a déjà été utilisé. Saisissez le code actuel de votre application d'authentification, ou un code de récupération inutilisé.",
    MFA_CHALLENGE_EXPIRED:
      'Cette connexion a expiré. Reconnectez-vous avec votre adresse e-mail et votre mot de passe.',
    MFA_REQUIRED:
      'La connexion en deux étapes est obligatoire pour votre compte : elle ne peut pas être désactivée.',
    MFA_ALREADY_ENABLED:
      "La connexion en deux étapes est déjà activée. Désactivez-la d'abord pour configurer une autre application d'authentification.",
    MFA_NOT_ENABLED: "La connexion en deux étapes n'est pas activée pour votre compte.",
    MFA_ENROLLMENT_NOT_STARTED:
      "Commencez par configurer la connexion en deux étapes, puis saisissez le code affiché par votre application d'authentification.",
    PAYMENT_UNAVAILABLE:
      "Le service de paiement est momentanément injoignable. Rien n'a été débité deux fois ; réessayez dans un instant.",
    SAME_COMPANY:
      'Cette adresse appartient à une personne de votre entreprise : un site ne peut être transféré qu’à une autre entreprise.',
  },
  fields: {
    email: {
      INVALID: 'Saisissez une adresse e-mail du type nom@exemple.fr.',
    },
    phone: {
      INVALID: 'Saisissez un numéro de téléphone avec des chiffres, espaces, +, - ou parenthèses.',
    },
    country: {
      INVALID: 'Choisissez un pays dans la liste.',
    },
    acceptTermsVersion: {
      INVALID: 'Les conditions de facturation ont changé. Lisez et acceptez la version actuelle.',
    },
    paymentMethod: {
      INVALID:
        'Les gestionnaires de système paient automatiquement par carte le 1er de chaque mois ; le paiement manuel est réservé aux installateurs.',
    },
    vatNumber: {
      INVALID:
        "Ce n'est pas un numéro de TVA valide pour le pays de votre entreprise : saisissez-le avec le préfixe du pays, par ex. FR40303265045, et vérifiez les chiffres.",
    },
    invoice: {
      NOT_FOUND: "Cette facture n'existe pas.",
    },
    // API keys and webhook endpoints (the Integrations page and the partner API)
    scopes: {
      REQUIRED: 'Choisissez au moins une chose que la clé peut faire.',
    },
    events: {
      REQUIRED: 'Choisissez au moins un événement.',
    },
    expiresAt: {
      INVALID: 'Choisissez une date future, ou laissez vide pour une clé qui n’expire jamais.',
    },
    overlapHours: {
      INVALID: 'Saisissez un nombre entier d’heures de 0 à {max}.',
    },
    locale: {
      INVALID: 'Choisissez anglais, néerlandais, suédois ou français.',
    },
  },
  webhookUrl: {
    INVALID_URL:
      'Saisissez une adresse web complète commençant par https://, par ex. https://erp.exemple.fr/hooks/entry.',
    HTTPS_REQUIRED: 'Utilisez une adresse https:// : les événements ne sont envoyés que chiffrés.',
    CREDENTIALS_IN_URL:
      "Retirez le nom d'utilisateur et le mot de passe de l'adresse : vérifiez plutôt la signature de chaque événement.",
    TOO_LONG: 'Utilisez une adresse de {max} caractères au maximum.',
    PRIVATE_ADDRESS:
      'Cette adresse pointe vers un réseau privé ou local. Utilisez une adresse joignable depuis internet.',
  },
  weakPassword: {
    TOO_SHORT:
      'Utilisez au moins {min} caractères. Quelques mots sans rapport entre eux font un mot de passe robuste et facile à retenir.',
    TOO_LONG: 'Utilisez au maximum {max} caractères.',
    COMMON:
      'Ce mot de passe figure sur une liste de mots de passe courants ou divulgués. Choisissez-en un autre.',
    PERSONAL: "N'utilisez pas votre nom ni votre adresse e-mail dans votre mot de passe.",
    REPEATED: 'Évitez les caractères répétés et les suites simples comme aaaa ou 1234.',
  },
};

export const SITE_PROBLEM_WORDS: SiteProblemWords = {
  SITE_NAME_TAKEN: 'Un autre site porte déjà ce nom.',
  SITE_INACTIVE: "Ce site est désactivé. Réactivez-le d'abord.",
  EMAIL_AT_SITE: "Un utilisateur de l'app Entry de ce site a déjà cette adresse e-mail.",
  DUPLICATE_IN_FILE: 'Cette adresse e-mail figure déjà à la ligne {line} du fichier.',
  MISSING_COLUMN:
    'Le fichier n’a pas de colonne « {column} ». Sa première ligne doit nommer les colonnes : first_name, last_name, email, apartment.',
  TOO_MANY_ROWS: 'Le fichier contient plus de {max} lignes. Divisez-le en fichiers plus petits.',
  EMPTY_FILE: 'Le fichier est vide.',
  UNCLOSED_QUOTE: 'Un guillemet ouvert à la ligne {line} n’est jamais fermé.',
  FILE_TOO_LARGE: 'Le fichier dépasse {max} Mo. Divisez-le en fichiers plus petits.',
  ROW_TOO_LARGE: 'La ligne {line} dépasse {max} Ko. Un guillemet y est-il resté ouvert ?',
  UNREADABLE:
    'Le fichier ne peut pas être lu comme CSV à partir de la ligne {line}. Enregistrez-le de nouveau en CSV depuis votre tableur.',
  CONFLICT:
    "Les utilisateurs de ce site ont changé pendant l'import. Rien n'a été importé : veuillez réessayer.",
};
