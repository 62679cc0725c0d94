import type { Locale } from '@entry/shared';
import { ACCESS_LEVEL_LABELS, AccessLevelCode } from '@entry/shared';
import type { TFunction } from '../../lib/translator';
import { languageName } from '../../app/i18n';
import { dateTimeFormat } from '../../lib/intl-formats';

/**
 * The audit kinds the server records (server/src/** recordAudit), by domain, each with its words:
 * "person.invited" is KIND_KEYS.person.invited. A kind the app does not know yet is shown as the
 * server names it.
 */
const KIND_KEYS = {
  registration: {
    approved: 'audit.kinds.registration.approved',
    rejected: 'audit.kinds.registration.rejected',
  },
  person: {
    invited: 'audit.kinds.person.invited',
    updated: 'audit.kinds.person.updated',
    removed: 'audit.kinds.person.removed',
    disabled: 'audit.kinds.person.disabled',
    enabled: 'audit.kinds.person.enabled',
    invitation_resent: 'audit.kinds.person.invitation_resent',
    invitation_accepted: 'audit.kinds.person.invitation_accepted',
    password_changed: 'audit.kinds.person.password_changed',
    profile_updated: 'audit.kinds.person.profile_updated',
  },
  site: {
    created: 'audit.kinds.site.created',
    updated: 'audit.kinds.site.updated',
    deactivated: 'audit.kinds.site.deactivated',
    reactivated: 'audit.kinds.site.reactivated',
  },
  entry_user: {
    added: 'audit.kinds.entry_user.added',
    updated: 'audit.kinds.entry_user.updated',
    removed: 'audit.kinds.entry_user.removed',
    imported: 'audit.kinds.entry_user.imported',
    moved_out: 'audit.kinds.entry_user.moved_out',
  },
  billing: {
    setup_completed: 'audit.kinds.billing.setup_completed',
    payment_method_changed: 'audit.kinds.billing.payment_method_changed',
    details_updated: 'audit.kinds.billing.details_updated',
  },
  invoice: {
    reminder_sent: 'audit.kinds.invoice.reminder_sent',
  },
  company: {
    suspended: 'audit.kinds.company.suspended',
    restored: 'audit.kinds.company.restored',
  },
  api_key: {
    created: 'audit.kinds.api_key.created',
    rotated: 'audit.kinds.api_key.rotated',
    revoked: 'audit.kinds.api_key.revoked',
  },
  site_transfer: {
    requested: 'audit.kinds.site_transfer.requested',
    accepted: 'audit.kinds.site_transfer.accepted',
    declined: 'audit.kinds.site_transfer.declined',
    cancelled: 'audit.kinds.site_transfer.cancelled',
    expired: 'audit.kinds.site_transfer.expired',
    undone: 'audit.kinds.site_transfer.undone',
  },
  webhook_endpoint: {
    created: 'audit.kinds.webhook_endpoint.created',
    updated: 'audit.kinds.webhook_endpoint.updated',
    deleted: 'audit.kinds.webhook_endpoint.deleted',
    secret_rotated: 'audit.kinds.webhook_endpoint.secret_rotated',
    disabled_for_failing: 'audit.kinds.webhook_endpoint.disabled_for_failing',
  },
} as const;

/**
 * What the portal does by itself, with nobody asking (the webhook worker turning off an endpoint
 * that kept failing, the move-out job, the overdue steps): its actor is the portal, not "the
 * person themselves via an emailed link".
 */
const PORTAL_KINDS: ReadonlySet<string> = new Set([
  'webhook_endpoint.disabled_for_failing',
  'entry_user.moved_out',
  'invoice.reminder_sent',
  'company.suspended',
  'company.restored',
  'site_transfer.expired',
]);

export function isPortalKind(kind: string): boolean {
  return PORTAL_KINDS.has(kind);
}

type KindKey = {
  [Domain in keyof typeof KIND_KEYS]: (typeof KIND_KEYS)[Domain][keyof (typeof KIND_KEYS)[Domain]];
}[keyof typeof KIND_KEYS];

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** The translation key of a kind ("person.invited"), or null for one the app does not know. */
function kindKey(kind: string): KindKey | null {
  const [domain = '', action = '', ...rest] = kind.split('.');
  if (rest.length > 0 || !own(KIND_KEYS, domain)) return null;
  const actions: Readonly<Record<string, KindKey>> = KIND_KEYS[domain as keyof typeof KIND_KEYS];
  return own(actions, action) ? (actions[action] ?? null) : null;
}

/** Every kind the app has words for, in the order above (the filter's options). */
export const AUDIT_KINDS: readonly string[] = Object.entries(KIND_KEYS).flatMap(
  ([domain, actions]) => Object.keys(actions).map((action) => `${domain}.${action}`),
);

export function isKnownKind(kind: string): boolean {
  return kindKey(kind) !== null;
}

/** "person.invited" -> "Person invited" (in the language shown); unknown kinds as they are. */
export function auditKindLabel(t: TFunction<'audit'>, kind: string): string {
  const key = kindKey(kind);
  return key ? t(key) : kind;
}

const FIELD_KEYS = {
  firstName: 'audit.fields.firstName',
  lastName: 'audit.fields.lastName',
  email: 'audit.fields.email',
  accessLevel: 'audit.fields.accessLevel',
  sites: 'audit.fields.sites',
  status: 'audit.fields.status',
  locale: 'audit.fields.locale',
  name: 'audit.fields.name',
  address: 'audit.fields.address',
  active: 'audit.fields.active',
  apartment: 'audit.fields.apartment',
  removedAt: 'audit.fields.removedAt',
  reason: 'audit.fields.reason',
  imported: 'audit.fields.imported',
  skipped: 'audit.fields.skipped',
  rows: 'audit.fields.rows',
  paymentMethod: 'audit.fields.paymentMethod',
  vatNumber: 'audit.fields.vatNumber',
  card: 'audit.fields.card',
  termsVersion: 'audit.fields.termsVersion',
  prefix: 'audit.fields.prefix',
  scopes: 'audit.fields.scopes',
  expiresAt: 'audit.fields.expiresAt',
  overlapHours: 'audit.fields.overlapHours',
  url: 'audit.fields.url',
  description: 'audit.fields.description',
  events: 'audit.fields.events',
  enabled: 'audit.fields.enabled',
  failingSince: 'audit.fields.failingSince',
  costCenter: 'audit.fields.costCenter',
  moveInDate: 'audit.fields.moveInDate',
  moveOutDate: 'audit.fields.moveOutDate',
  billingEmails: 'audit.fields.billingEmails',
  billingEmailsLocale: 'audit.fields.billingEmailsLocale',
  purchaseOrderNumber: 'audit.fields.purchaseOrderNumber',
  invoice: 'audit.fields.invoice',
  invoices: 'audit.fields.invoices',
  reminder: 'audit.fields.reminder',
} as const;

/** The changed field's name in the language shown; unknown fields as the server names them. */
export function auditFieldLabel(t: TFunction<'audit'>, field: string): string {
  return Object.prototype.hasOwnProperty.call(FIELD_KEYS, field)
    ? t(FIELD_KEYS[field as keyof typeof FIELD_KEYS])
    : field;
}

const STATUS_KEYS = {
  PENDING_APPROVAL: 'audit.statuses.PENDING_APPROVAL',
  APPROVED: 'audit.statuses.APPROVED',
  REJECTED: 'audit.statuses.REJECTED',
  SUSPENDED: 'audit.statuses.SUSPENDED',
  INVITED: 'audit.statuses.INVITED',
  ACTIVE: 'audit.statuses.ACTIVE',
  DISABLED: 'audit.statuses.DISABLED',
} as const;

const LEVELS: readonly string[] = Object.values(AccessLevelCode);

/**
 * A before/after value as people read it: levels and statuses named, yes/no, languages named,
 * a site admin's sites counted (the log keeps their ids). null reads as "(empty)".
 */
export function auditValueText(
  t: TFunction<'audit'>,
  field: string,
  value: string | null,
  locale: Locale,
): string {
  if (field === 'sites' && value !== null) return String(value.split(',').filter(Boolean).length);
  if (value === null || value === '') return t('audit.emptyValue');
  switch (field) {
    case 'accessLevel':
      return LEVELS.includes(value) ? ACCESS_LEVEL_LABELS[value as AccessLevelCode][locale] : value;
    case 'status':
      return value in STATUS_KEYS ? t(STATUS_KEYS[value as keyof typeof STATUS_KEYS]) : value;
    case 'active':
    case 'enabled':
      return value === 'true' ? t('status.yes') : value === 'false' ? t('status.no') : value;
    case 'locale':
    case 'billingEmailsLocale':
      return languageName(value, locale);
    case 'paymentMethod':
      return value === 'MANUAL'
        ? t('audit.paymentMethods.MANUAL')
        : value === 'AUTOMATIC'
          ? t('audit.paymentMethods.AUTOMATIC')
          : value;
    case 'removedAt':
    case 'expiresAt':
    case 'failingSince': {
      const date = new Date(value);
      return Number.isNaN(date.getTime())
        ? value
        : dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    }
    default:
      return value;
  }
}
