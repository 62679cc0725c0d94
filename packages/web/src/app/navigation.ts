/** The notes' navigation, in their order. Labels are i18n keys. */
export const NAV_ITEMS = [
  { to: '/', label: 'nav.home' },
  { to: '/sites', label: 'nav.sites' },
  { to: '/payment', label: 'nav.payment' },
  { to: '/administrator', label: 'nav.administrator' },
] as const;

/** The vendor's operators look after registrations, not a company of their own. */
export const OPERATOR_NAV_ITEMS = [
  { to: '/', label: 'nav.home' },
  { to: '/operator', label: 'nav.operator' },
] as const;

export type NavItem = (typeof NAV_ITEMS)[number] | (typeof OPERATOR_NAV_ITEMS)[number];
