import { SUBSCRIBABLE_WEBHOOK_EVENTS, type WebhookEventType } from '@entry/shared';

/** The groups of the endpoint form's events, in the order the form shows them. */
export type EventGroup = 'sites' | 'entryUsers' | 'people' | 'invoices';

const GROUP_BY_PREFIX: readonly [prefix: string, group: EventGroup][] = [
  ['SITE_', 'sites'],
  ['ENTRY_USER_', 'entryUsers'],
  ['PERSON_', 'people'],
  ['INVOICE_', 'invoices'],
];

/**
 * The subscribable events (the shared list) by what they are about: an event added to the list
 * lands in its group by its name, and one no group claims still shows, in a group of its own.
 */
export function eventGroups(
  events: readonly WebhookEventType[] = SUBSCRIBABLE_WEBHOOK_EVENTS,
): { group: EventGroup | null; events: WebhookEventType[] }[] {
  const groups = GROUP_BY_PREFIX.map(([prefix, group]) => ({
    group: group as EventGroup | null,
    events: events.filter((event) => event.startsWith(prefix)),
  }));
  const others = events.filter(
    (event) => !GROUP_BY_PREFIX.some(([prefix]) => event.startsWith(prefix)),
  );
  return [...groups, { group: null, events: others }].filter((group) => group.events.length > 0);
}
