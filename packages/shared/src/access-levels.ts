import type { Localized } from './locales';

/**
 * Who may use a field or an operation. Mirrors the `Permission` enum of the public API contract;
 * the server's @auth directive and the web app's menus both read it from here.
 */
export const Permission = {
  AUTHENTICATED: 'AUTHENTICATED',
  ALL_SITES: 'ALL_SITES',
  PAYMENTS: 'PAYMENTS',
  OPERATOR: 'OPERATOR',
  /** invite, edit and remove colleagues, assign sites to site admins (was ALL_SITES until issue 14) */
  MANAGE_PEOPLE: 'MANAGE_PEOPLE',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const AccessLevelCode = {
  PAYMENT_ADMIN: 'PAYMENT_ADMIN',
  SYSTEM_ADMIN: 'SYSTEM_ADMIN',
  SITE_ADMIN: 'SITE_ADMIN',
} as const;
export type AccessLevelCode = (typeof AccessLevelCode)[keyof typeof AccessLevelCode];

export interface AccessLevelRights {
  /** manages every site of the company, not only assigned ones */
  readonly allSites: boolean;
  /** sees and manages payment method, VAT number, invoices and payments */
  readonly payments: boolean;
  /** invites, edits and removes colleagues and assigns sites to site admins */
  readonly managePeople: boolean;
}

/** The one table of rights. The server enforces it; the web app hides what it forbids. */
export const ACCESS_LEVEL_RIGHTS: Readonly<Record<AccessLevelCode, AccessLevelRights>> = {
  PAYMENT_ADMIN: { allSites: true, payments: true, managePeople: true },
  SYSTEM_ADMIN: { allSites: true, payments: false, managePeople: true },
  SITE_ADMIN: { allSites: false, payments: false, managePeople: false },
};

/** Highest level first: the order the notes list them in, and the order of every dropdown. */
export const ACCESS_LEVEL_CODES: readonly AccessLevelCode[] = [
  AccessLevelCode.PAYMENT_ADMIN,
  AccessLevelCode.SYSTEM_ADMIN,
  AccessLevelCode.SITE_ADMIN,
];

/** Whether a person of a company at this level holds a company-scoped permission. */
export function levelGrants(level: AccessLevelCode, permission: Permission): boolean {
  const rights = ACCESS_LEVEL_RIGHTS[level];
  switch (permission) {
    case Permission.AUTHENTICATED:
      return true;
    case Permission.ALL_SITES:
      return rights.allSites;
    case Permission.PAYMENTS:
      return rights.payments;
    case Permission.MANAGE_PEOPLE:
      return rights.managePeople;
    case Permission.OPERATOR:
      // Operators are the vendor's staff, never a company's people.
      return false;
  }
}

/**
 * The names the vendor's own notes use for each level (see shared/seeds/README.md), so people who
 * learnt the levels from those notes recognise them.
 */
export const ACCESS_LEVEL_LABELS: Readonly<Record<AccessLevelCode, Localized>> = {
  PAYMENT_ADMIN: {
    en: 'Payment admin',
    nl: 'Systeembeheerder',
    sv: 'Betalningsadmin',
    fr: 'Administrateur des paiements',
  },
  SYSTEM_ADMIN: {
    en: 'System admin',
    nl: 'Technisch beheerder',
    sv: 'Systemadmin',
    fr: 'Administrateur système',
  },
  SITE_ADMIN: {
    en: 'Site admin',
    nl: 'Locatie beheerder',
    sv: 'Anläggningsadmin',
    fr: 'Administrateur du site',
  },
};

/** What each level may do, worded as in the notes. */
export const ACCESS_LEVEL_DESCRIPTIONS: Readonly<Record<AccessLevelCode, Localized>> = {
  PAYMENT_ADMIN: {
    en: 'Full access. Can manage every site and set up and make payments.',
    nl: 'Volledige toegang. Heeft de mogelijkheid om alle locaties te beheren, in te stellen en betalingen uit te voeren.',
    sv: 'Full åtkomst. Kan administrera alla anläggningar samt konfigurera och göra betalningar.',
    fr: "Accès à la totalité des fonctions. L'utilisateur peut administrer tous les sites, et configurer et effectuer des paiements.",
  },
  SYSTEM_ADMIN: {
    en: 'Can manage every site. Cannot see payments.',
    nl: 'Heeft de mogelijkheid om alle locaties te beheren. De betalingen zijn afgeschermd.',
    sv: 'Kan administrera alla anläggningar. Kan inte se betalningar.',
    fr: "L'utilisateur peut administrer tous les sites, mais n'a aucune visibilité sur les paiements.",
  },
  SITE_ADMIN: {
    en: 'Can manage selected sites only. Cannot see payments.',
    nl: 'Kan alleen geselecteerde locaties beheren. De betalingen zijn afgeschermd.',
    sv: 'Kan bara administrera utvalda anläggningar. Kan inte se betalningar.',
    fr: "L'utilisateur peut administrer uniquement certains sites sélectionnés, mais n'a aucune visibilité sur les paiements.",
  },
};
