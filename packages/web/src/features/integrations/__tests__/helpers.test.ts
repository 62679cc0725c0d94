import { SUBSCRIBABLE_WEBHOOK_EVENTS, type WebhookEventType } from '@entry/shared';
import { describe, expect, it } from 'vitest';
import { endOfDay, todayInputValue } from '../key-expiry';
import { eventGroups } from '../labels';

describe('endOfDay', () => {
  it('should end a chosen day at the next local midnight', () => {
    expect(endOfDay('2027-01-31')).toEqual(new Date(2027, 1, 1));
    expect(endOfDay(' 2028-02-29 ')).toEqual(new Date(2028, 2, 1));
  });

  it.each(['', '2027-02-30', '2027-13-01', '31/01/2027', '2027-1-31', 'tomorrow'])(
    'should find no day in "%s"',
    (typed) => {
      expect(endOfDay(typed)).toBeNull();
    },
  );

  it('should write today as a date input does', () => {
    expect(todayInputValue(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('eventGroups', () => {
  it('should put every subscribable event in exactly one group, invoices last', () => {
    const groups = eventGroups();
    expect(groups.map(({ group }) => group)).toEqual(['sites', 'entryUsers', 'people', 'invoices']);
    expect(groups.flatMap(({ events }) => events).sort()).toEqual(
      [...SUBSCRIBABLE_WEBHOOK_EVENTS].sort(),
    );
  });

  it('should leave out empty groups and still show an event no group claims', () => {
    const unknown = 'CARD_EXPIRING' as WebhookEventType;
    expect(eventGroups(['SITE_CREATED', unknown])).toEqual([
      { group: 'sites', events: ['SITE_CREATED'] },
      { group: null, events: [unknown] },
    ]);
  });
});
