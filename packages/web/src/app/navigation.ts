import { Permission } from '@entry/shared';

/**
 * The notes' navigation, in their order. Labels are i18n keys. An item with a `permission` is
 * shown only to those the shared policy allows it (the page itself still says so to others).
 */
export const NAV_ITEMS = [
  { to: '/', label: 'nav.home' },
  { to: '/sites', label: 'nav.sites' },
  { to: '/payment', label: 'nav.payment' },
  { to: '/administrator', label: 'nav.administrator' },
  // API keys and webhooks: the same permission the API asks for them
  { to: '/integrations', label: 'nav.integrations', permission: Permission.ALL_SITES },
  // site transfers: answered and sent by those who manage every site (the API's permission)
  { to: '/transfers', label: 'nav.transfers', permission: Permission.ALL_SITES },
] as const;

/** The vendor's operators look after registrations, not a company of their own. */
export const OPERATOR_NAV_ITEMS = [
  { to: '/', label: 'nav.home' },
  { to: '/operator', label: 'nav.operator' },
] as const;

export type NavItem = (typeof NAV_ITEMS)[number] | (typeof OPERATOR_NAV_ITEMS)[number];
