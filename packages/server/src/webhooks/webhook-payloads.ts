import { ACCESS_LEVEL_RIGHTS, type AccessLevelCode, type WebhookEventType } from '@entry/shared';
import type { InvoiceEntity } from '../billing/invoice.entity';
import type { PersonEntity } from '../people/person.entity';
import type { EntryUserEntity } from '../sites/entry-user.entity';
import type { SiteEntity } from '../sites/site.entity';
import type { WebhookEvent } from './webhook-outbox';

/*
 * What a partner's endpoint receives in an event's `data`: the object after the change, with the
 * field names of the GraphQL API (Site, EntryUser, Person, Invoice), dates as ISO 8601 strings.
 * These shapes are a promise to partners (docs/partners.md, "Events"): a field may be added, never
 * renamed or removed. Each function picks its fields one by one, so a column added to an entity
 * (a secret, a provider id) never leaks into a webhook by accident.
 */

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

export interface SitePayload {
  readonly id: string;
  readonly name: string;
  readonly address: string | null;
  readonly costCenter: string | null;
  readonly active: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deactivatedAt: string | null;
}

export function sitePayload(site: SiteEntity): SitePayload {
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    costCenter: site.costCenter,
    // a boolean however the row was read (MariaDB's raw rows hold 0/1)
    active: Boolean(site.active),
    createdAt: iso(site.createdAt),
    updatedAt: iso(site.updatedAt),
    deactivatedAt: isoOrNull(site.deactivatedAt),
  };
}

export interface EntryUserPayload {
  readonly id: string;
  /** the site the user belongs to: partners keep users per site */
  readonly siteId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly apartment: string | null;
  readonly activeFrom: string;
  readonly removedAt: string | null;
  readonly active: boolean;
  /** YYYY-MM-DD or null */
  readonly moveInDate: string | null;
  readonly moveOutDate: string | null;
}

export function entryUserPayload(user: EntryUserEntity): EntryUserPayload {
  return {
    id: user.id,
    siteId: user.siteId,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    apartment: user.apartment,
    activeFrom: iso(user.activeFrom),
    removedAt: isoOrNull(user.removedAt),
    active: user.removedAt === null,
    moveInDate: user.moveInDate,
    moveOutDate: user.moveOutDate,
  };
}

export interface PersonPayload {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly locale: string;
  readonly status: string;
  /** as the API's AccessLevel: the code and its rights */
  readonly accessLevel: {
    readonly code: AccessLevelCode;
    readonly allSites: boolean;
    readonly payments: boolean;
  };
  /** the sites of a site admin; null for the levels that manage every site */
  readonly siteIds: readonly string[] | null;
  readonly createdAt: string;
}

/**
 * A colleague as partners may know them: no password, token or sign-in state. `siteIds` are the
 * person's assigned sites, read by the caller in the same transaction.
 */
export function personPayload(person: PersonEntity, siteIds: readonly string[]): PersonPayload {
  const { allSites, payments } = ACCESS_LEVEL_RIGHTS[person.accessLevel];
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    locale: person.locale,
    status: person.status,
    accessLevel: { code: person.accessLevel, allSites, payments },
    siteIds: allSites ? null : [...siteIds].sort(),
    createdAt: iso(person.createdAt),
  };
}

export interface InvoicePayload {
  readonly id: string;
  readonly number: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly issuedAt: string;
  readonly dueAt: string;
  readonly currency: string;
  /** minor units of currency, as in the API */
  readonly subtotal: number;
  readonly tax: number;
  readonly total: number;
  readonly taxRateBasisPoints: number;
  readonly reverseCharge: boolean;
  readonly status: string;
  readonly paidAt: string | null;
  readonly paymentMethod: string;
}

/** An invoice as the API's Invoice shows it, without lines (`invoice(id)` has them). */
export function invoicePayload(invoice: InvoiceEntity): InvoicePayload {
  return {
    id: invoice.id,
    number: invoice.number,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    issuedAt: iso(invoice.issuedAt),
    dueAt: iso(invoice.dueAt),
    currency: invoice.currency,
    subtotal: invoice.subtotal,
    tax: invoice.tax,
    total: invoice.total,
    taxRateBasisPoints: invoice.taxRateBasisPoints,
    reverseCharge: Boolean(invoice.reverseCharge),
    status: invoice.status,
    paidAt: isoOrNull(invoice.paidAt),
    paymentMethod: invoice.paymentMethod,
  };
}

// each object's events by their names' prefix: a new SITE_* type is a site event at once
type SiteEventType = Extract<WebhookEventType, `SITE_${string}`>;
type EntryUserEventType = Extract<WebhookEventType, `ENTRY_USER_${string}`>;
type PersonEventType = Extract<WebhookEventType, `PERSON_${string}`>;
type InvoiceEventType = Extract<WebhookEventType, `INVOICE_${string}`>;

export const siteEvent = (type: SiteEventType, site: SiteEntity): WebhookEvent => ({
  type,
  data: { site: sitePayload(site) },
});

export const entryUserEvent = (type: EntryUserEventType, user: EntryUserEntity): WebhookEvent => ({
  type,
  data: { entryUser: entryUserPayload(user) },
});

export const personEvent = (
  type: PersonEventType,
  person: PersonEntity,
  siteIds: readonly string[],
): WebhookEvent => ({ type, data: { person: personPayload(person, siteIds) } });

export const invoiceEvent = (type: InvoiceEventType, invoice: InvoiceEntity): WebhookEvent => ({
  type,
  data: { invoice: invoicePayload(invoice) },
});
